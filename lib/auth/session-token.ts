import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";

// The session JWT of the current request, decoded (and its signature and expiry checked) with
// next-auth's own reader. Cookies only: a bearer token in an Authorization header is not a session.

const SECURE_COOKIE = "__Secure-next-auth.session-token";

export async function readSessionToken(): Promise<JWT | null> {
  const store = await cookies();
  const secureCookie = store.getAll().some((c) => c.name.startsWith(SECURE_COOKIE));
  const req = { cookies: store, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  return getToken({ req, secureCookie, secret: getEnv().NEXTAUTH_SECRET });
}
