import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, contentSecurityPolicyFor, DOWNLOAD_CSP } from "./security-headers";

const SESSION = "next-auth.session-token=abc";

describe("content security policy", () => {
  it("allows scripts only by nonce and forbids plugins, base changes, framing and foreign form targets", () => {
    const csp = contentSecurityPolicy({ nonce: "n0nce", isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", isDev: true, isHttps: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });
});

describe("content security policy by path", () => {
  it("sandboxes evidence downloads and gives every other path the page policy", () => {
    const options = { nonce: "n0nce", isDev: false, isHttps: false };
    expect(contentSecurityPolicyFor("/api/attachments/0b1c", options)).toBe(DOWNLOAD_CSP);
    expect(DOWNLOAD_CSP).toMatch(/^sandbox;/);
    expect(contentSecurityPolicyFor("/tickets/0b1c", options)).toBe(contentSecurityPolicy(options));
    expect(contentSecurityPolicyFor("/api/tickets/0b1c/attachments", options)).toBe(contentSecurityPolicy(options));
  });
});

describe("proxy", () => {
  it("sends a fresh nonce to Next and the browser on every page, including sign-in", () => {
    const a = proxy(new NextRequest("http://localhost:3200/login"));
    const b = proxy(new NextRequest("http://localhost:3200/tickets", { headers: { cookie: SESSION } }));
    const nonceOf = (r: Response) => r.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(b)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    // The request headers Next renders with carry the same policy (x-middleware-request-*).
    expect(b.headers.get("x-middleware-request-content-security-policy")).toBe(b.headers.get("content-security-policy"));
    expect(b.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(b));
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });
  it("adds HSTS over https only, and still sends visitors without a session to sign in", () => {
    const secure = proxy(new NextRequest("https://bd.example.com/tickets", { headers: { cookie: SESSION } }));
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const behindProxy = proxy(
      new NextRequest("http://10.0.0.5:3000/tickets", { headers: { cookie: SESSION, "x-forwarded-proto": "https" } }),
    );
    expect(behindProxy.headers.get("strict-transport-security")).not.toBeNull();
    const anonymous = proxy(new NextRequest("http://localhost:3200/tickets/abc?x=1"));
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toBe("http://localhost:3200/login?callbackUrl=%2Ftickets%2Fabc%3Fx%3D1");
  });
});
