import "server-only";
import type { JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { readSessionToken } from "./session-token";
import { revokeUserSession } from "./user-sessions";

/**
 * Ends the server-side session a token names, audited once (a dead token records nothing). Both
 * ways out come here: next-auth's own sign-out endpoint (its signOut event) and the header's
 * Sign out button (signOutAction), which spares every page next-auth's browser library.
 */
export async function endTokenSession(db: Db, token: JWT | null | undefined): Promise<boolean> {
  const ended = await revokeUserSession(db, token?.sid, "SIGNED_OUT");
  if (ended && typeof token?.uid === "string") {
    const uid = token.uid;
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: uid, tenantId: token.tenantId ?? null, action: "auth.sign_out", target: token.email ?? null }),
    );
  }
  return ended;
}

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Signs the current request's user out: the session row is revoked, then the cookie is dropped. */
export async function signOutCurrentSession(db: Db): Promise<void> {
  await endTokenSession(db, await readSessionToken());
  const store = await cookies();
  for (const { name } of store.getAll().filter((c) => SESSION_COOKIE.test(c.name))) {
    store.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
