import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO } from "../demo-tenants";
import { call, control, graphClient, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

const MEGAN = "megan@contoso.example";

describe("simulator batching, quotas and faults", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));

  it("runs a $batch with dependsOn, and fails dependants of a failed request with 424", async () => {
    const res = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: [
        {
          id: "1",
          method: "PATCH",
          url: `/users/${MEGAN}`,
          headers: { "Content-Type": "application/json" },
          body: { accountEnabled: false },
        },
        { id: "2", method: "GET", url: `/users/${MEGAN}?$select=accountEnabled`, dependsOn: ["1"] },
        { id: "3", method: "GET", url: "/users/ghost@contoso.example" },
        {
          id: "4",
          method: "POST",
          url: "/users/ghost@contoso.example/revokeSignInSessions",
          headers: { "Content-Type": "application/json" },
          body: {},
          dependsOn: ["3"],
        },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body!.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId["1"].status).toBe(204);
    // dependsOn orders execution, not replication: the read may still show the old value (rules.ts).
    expect(byId["2"]).toMatchObject({ status: 200, body: { accountEnabled: expect.any(Boolean) } });
    expect(byId["3"].status).toBe(404);
    expect(byId["4"].status).toBe(424);
  });

  it("authenticates the batch itself: no token or a bad one answers 401 for the whole batch", async () => {
    const body = {
      requests: [
        {
          id: "1",
          method: "PATCH",
          url: `/users/${MEGAN}`,
          headers: { "Content-Type": "application/json" },
          body: { accountEnabled: false },
        },
      ],
    };
    for (const bad of [null, "not-a-token", `${token.split(".").slice(0, 2).join(".")}.${"A".repeat(43)}`]) {
      const res = await call(sim, bad, "POST", "/v1.0/$batch", body);
      expect(res.status).toBe(401);
      expect(res.body!.error.code).toBe("InvalidAuthenticationToken");
      expect(res.body!.responses).toBeUndefined();
    }
    expect((await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.accountEnabled).toBe(true);
    // An item cannot bring its own token: the batch's speaks for every item.
    const own = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: [{ id: "1", method: "GET", url: `/users/${MEGAN}`, headers: { Authorization: "Bearer junk" } }],
    });
    expect(own.body!.responses[0].status).toBe(200);
  });

  it("rejects the batch with 400 when dependsOn names a request that is not earlier in it, and runs nothing", async () => {
    const patch = (id: string, alias: string, dependsOn?: unknown) => ({
      id,
      method: "PATCH",
      url: `/users/${alias}@contoso.example`,
      headers: { "Content-Type": "application/json" },
      body: { accountEnabled: false },
      ...(dependsOn === undefined ? {} : { dependsOn }),
    });
    for (const requests of [
      [patch("1", "adele"), patch("2", "alex", ["9"])],
      [patch("1", "adele", ["2"]), patch("2", "alex")],
      [patch("1", "adele", ["1"])],
      [patch("1", "adele"), patch("2", "alex", "1")],
    ]) {
      const res = await call(sim, token, "POST", "/v1.0/$batch", { requests });
      expect(res.status).toBe(400);
      expect(res.body!.error).toMatchObject({ code: "BadRequest", message: expect.stringMatching(/^Invalid dependency for request Id/) });
    }
    const state = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      accountEnabled: boolean;
    }[];
    expect(state.filter((u) => !u.accountEnabled)).toEqual([]);
  });

  it("rejects malformed batches: more than 20 requests, duplicate ids, a body without Content-Type", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/users" }));
    expect((await call(sim, token, "POST", "/v1.0/$batch", { requests: many })).status).toBe(400);
    expect(
      (
        await call(sim, token, "POST", "/v1.0/$batch", {
          requests: [
            { id: "a", method: "GET", url: "/users" },
            { id: "a", method: "GET", url: "/users" },
          ],
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(sim, token, "POST", "/v1.0/$batch", { requests: [{ id: "a", method: "PATCH", url: `/users/${MEGAN}`, body: {} }] }))
        .status,
    ).toBe(400);
  });

  it("answers 429 with Retry-After past a quota, also per item inside a 200 batch envelope", async () => {
    sim.configure({ quotas: { reports: { limit: 2, windowMs: 60_000, sendsRetryAfter: true } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(sim, token, "GET", "/v1.0/auditLogs/directoryAudits"));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 429]);
    expect(statuses[2]!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(statuses[2]!.body!.error.code).toBe("TooManyRequests");

    sim.configure({ quotas: { identityWrites: { limit: 2, windowMs: 60_000, sendsRetryAfter: true } } });
    const batch = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: ["adele", "alex", "lee"].map((alias, i) => ({
        id: String(i),
        method: "POST",
        url: `/users/${alias}@contoso.example/revokeSignInSessions`,
        headers: { "Content-Type": "application/json" },
        body: {},
      })),
    });
    expect(batch.status).toBe(200);
    const throttled = batch.body!.responses.filter((r: { status: number }) => r.status === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0].headers["Retry-After"]).toMatch(/^\d+$/);
  });

  it("refuses the whole batch when a write item lacks its body or its Content-Type, as Graph does, and runs nothing", async () => {
    const revoke = (extra: Record<string, unknown>) => ({
      id: "r",
      method: "POST",
      url: "/users/adele@contoso.example/revokeSignInSessions",
      ...extra,
    });
    const before = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      signInSessionsValidFromDateTime: string;
    }[];
    for (const item of [revoke({}), revoke({ body: {} }), revoke({ headers: { "Content-Type": "application/json" } })]) {
      const res = await call(sim, token, "POST", "/v1.0/$batch", { requests: [{ id: "ok", method: "GET", url: `/users/${MEGAN}` }, item] });
      expect(res.status).toBe(400);
      expect(res.body!.error).toMatchObject({
        code: "BadRequest",
        message: "Write request id : r does not contain Content-Type header or body.",
      });
    }
    const after = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as typeof before;
    const adele = (rows: typeof before) =>
      rows.find((u) => u.userPrincipalName === "adele@contoso.example")!.signInSessionsValidFromDateTime;
    expect(adele(after)).toBe(adele(before));
    const fine = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: [revoke({ headers: { "Content-Type": "application/json" }, body: {} })],
    });
    expect(fine.body!.responses[0].status).toBe(200);
  });

  it("answers batch items without a request-id header (Graph's documented example has none); the batch carries one", async () => {
    const res = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: [
        { id: "1", method: "GET", url: `/users/${MEGAN}` },
        { id: "2", method: "GET", url: "/users/ghost@contoso.example" },
      ],
    });
    expect(res.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    for (const item of res.body!.responses) expect(Object.keys(item.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("request-id");
  });

  it("throttles Identity Protection without a Retry-After header", async () => {
    sim.configure({ quotas: true });
    const megan = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!;
    const first = await call(sim, token, "GET", `/v1.0/identityProtection/riskyUsers/${megan.id}`);
    const second = await call(sim, token, "GET", `/v1.0/identityProtection/riskyUsers/${megan.id}`);
    expect([first.status, second.status]).toEqual([200, 429]);
    expect(second.headers.get("retry-after")).toBeNull();
  });

  it("injects 503 then success, which the Graph SDK's retry handler rides out", async () => {
    await control(sim, "POST", "/config", { faults: [{ operation: "getUser", status: 503, times: 1, retryAfter: 1 }] });
    expect((await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).status).toBe(503);
    await control(sim, "POST", "/config", { faults: [{ operation: "getUser", status: 503, times: 1, retryAfter: 1 }] });
    const user = await graphClient(sim).api(`/users/${MEGAN}`).get();
    expect(user.userPrincipalName).toBe(MEGAN);
  });

  it("applies a timed-out write and answers late", async () => {
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 1_500 }] });
    const aborted = fetch(`${sim.url}/v1.0/users/${MEGAN}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ accountEnabled: false }),
      signal: AbortSignal.timeout(300),
    });
    await expect(aborted).rejects.toThrow();
    const state = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
      userPrincipalName: string;
      accountEnabled: boolean;
    }[];
    expect(state.find((u) => u.userPrincipalName === MEGAN)!.accountEnabled).toBe(false);
  });
});
