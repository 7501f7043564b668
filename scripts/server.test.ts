import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER as AUTH_HEADER, clientIpFrom as throttleKeyFrom, SHARED_BUCKET } from "@/lib/auth/client-ip";
import { applyClientIp, CLIENT_IP_HEADER, clientIpFrom, listenHostFor, parseTrustedProxyHops } from "./server.mjs";

describe("client IP from the socket and trusted proxy hops", () => {
  it("uses the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientIpFrom("::ffff:203.0.113.5", "6.6.6.6, 7.7.7.7", 0)).toBe("203.0.113.5");
    expect(clientIpFrom("::1", undefined, 0)).toBe("::1");
  });
  it("counts trusted hops from the right, so entries a client wrote are never used", () => {
    // client forged "6.6.6.6"; the one trusted proxy appended the real client 198.51.100.7
    expect(clientIpFrom("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientIpFrom("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientIpFrom("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
  it("accepts only 0–10 hops", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    expect(() => parseTrustedProxyHops("yes")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseTrustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
  it("agrees with lib/auth on the header name", () => {
    expect(CLIENT_IP_HEADER).toBe(AUTH_HEADER);
  });
  it("ignores the header outside the Breachdesk server (one shared bucket)", () => {
    expect(throttleKeyFrom("203.0.113.5", false)).toBe(SHARED_BUCKET);
    expect(throttleKeyFrom(undefined, true)).toBe(SHARED_BUCKET);
    expect(throttleKeyFrom("203.0.113.5", true)).toBe("203.0.113.5");
  });
});

describe("where the server listens", () => {
  it("listens on loopback only in demo mode, unless told otherwise; elsewhere on every interface", () => {
    expect(listenHostFor({ BREACHDESK_DEMO: "1" })).toBe("127.0.0.1");
    expect(listenHostFor({ BREACHDESK_DEMO: "true" })).toBe("127.0.0.1");
    expect(listenHostFor({ BREACHDESK_DEMO: "1", LISTEN_HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHostFor({})).toBeUndefined();
    expect(listenHostFor({ BREACHDESK_DEMO: "0", LISTEN_HOST: " " })).toBeUndefined();
    expect(listenHostFor({ LISTEN_HOST: "10.0.0.5" })).toBe("10.0.0.5");
  });
});

describe("a forged header over real HTTP", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      applyClientIp(req.headers, req.socket.remoteAddress, 0);
      res.end(JSON.stringify({ key: throttleKeyFrom(req.headers[CLIENT_IP_HEADER], true), xff: req.headers["x-forwarded-for"] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("does not change the throttling bucket", async () => {
    const plain = await (await fetch(url)).json();
    const forged = await (
      await fetch(url, { headers: { "X-Forwarded-For": "6.6.6.6", [CLIENT_IP_HEADER]: "7.7.7.7", Forwarded: "for=8.8.8.8" } })
    ).json();
    expect(plain.key).toBe("127.0.0.1");
    expect(forged).toEqual({ key: "127.0.0.1", xff: null });
  });
});
