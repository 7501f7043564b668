import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { reserveSignInAttempt } from "./throttle";

// Email-and-password sign-in (next-auth's credentials provider calls this). Errors thrown here
// are shown on the sign-in page, so each is a fixed, user-facing sentence.

const ZCredentials = z.object({
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});

export const INVALID_CREDENTIALS = "Email or password is incorrect.";

export type SignedInUser = { id: string; email: string; name: string; role: Role; tenantId: string | null };

export async function authorizeCredentials(db: Db, raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  let attempt;
  try {
    attempt = await reserveSignInAttempt(db, email, ip);
  } catch (error) {
    if (isAppError(error)) throw new Error(error.message);
    throw error;
  }
  // Many failures on this account lately (from anywhere): slow down instead of locking it.
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);
  const user = await db.user.findUnique({
    where: { email },
    // The one place that reads the hash (it is omitted from every other query, lib/db/create-client.ts).
    select: { id: true, email: true, name: true, role: true, tenantId: true, passwordHash: true, isActive: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !ok || !user.isActive) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: user?.id, action: "auth.sign_in", target: email, result: "FAILED", details: { ip } }),
    );
    throw new Error(INVALID_CREDENTIALS);
  }
  await attempt.succeeded();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { actorId: user.id, tenantId: user.tenantId, action: "auth.sign_in", target: email, details: { ip } });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId };
}
