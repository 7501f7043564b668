import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { getLogger } from "@/lib/logger";

// Who an Entra ID sign-in is. Nobody is provisioned by signing in: the first Entra sign-in of an
// existing, active user is matched by email and binds the id token's subject to that user; every
// later one must present the same subject. Entra's email claim can be changed by whoever manages
// the directory entry, so email alone must never pick the account after the first time.

export type EntraClaims = { subject?: string | null; email?: string | null; tenantId?: unknown };

/** The user this Entra ID sign-in is, or null when it is refused. */
export async function admitEntraUser(db: Db, claims: EntraClaims, expectedTenantId: string): Promise<string | null> {
  const refuse = (why: string) => {
    getLogger().warn({ why }, "Entra ID sign-in refused");
    return null;
  };
  // The issuer is already tenant-specific; the tid claim is checked as well.
  if (
    /^[0-9a-f-]{36}$/i.test(expectedTenantId) &&
    claims.tenantId !== undefined &&
    String(claims.tenantId).toLowerCase() !== expectedTenantId.toLowerCase()
  ) {
    return refuse("another tenant");
  }
  const email = claims.email?.trim().toLowerCase();
  const subject = claims.subject?.trim();
  if (!email || !subject) return refuse("no email or subject");
  const bound = await db.user.findUnique({ where: { entraSubject: subject }, select: { id: true, isActive: true } });
  if (bound) return bound.isActive ? bound.id : refuse("inactive user");
  const user = await db.user.findUnique({ where: { email }, select: { id: true, isActive: true, entraSubject: true, tenantId: true } });
  if (!user?.isActive) return refuse("no active user with that email");
  if (user.entraSubject) return refuse("the email belongs to a user bound to another Entra identity");
  const linked = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, entraSubject: null }, data: { entraSubject: subject } });
    if (count === 1) await recordAuditEvent(tx, { actorId: user.id, tenantId: user.tenantId, action: "auth.entra_linked", target: email });
    return count === 1;
  });
  return linked ? user.id : refuse("bound concurrently");
}
