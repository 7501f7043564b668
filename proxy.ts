import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicyFor, HSTS, newNonce } from "@/lib/auth/security-headers";

// Two jobs. (1) Security headers with a per-request CSP nonce, on every page (lib/auth/security-headers.ts).
// (2) A convenience redirect to sign-in only: pages and actions check the session and permission themselves.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// /api/test-seed answers 404 unless the end-to-end tests turned it on (app/api/test-seed/route.ts).
const PUBLIC_PATHS = /^\/(login|api\/auth|api\/test-seed)(\/|$)/;

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !PUBLIC_PATHS.test(request.nextUrl.pathname)) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  // x-forwarded-proto comes from a trusted proxy or Next itself: scripts/server.mjs drops a client's copy.
  const isHttps = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = newNonce();
  const csp = contentSecurityPolicyFor(request.nextUrl.pathname, { nonce, isDev: process.env.NODE_ENV === "development", isHttps });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
