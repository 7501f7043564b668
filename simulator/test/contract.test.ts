import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createResponseChecker } from "../contract/check";
import { validateBatchResponse, validateRequestBody, validateResponseBody } from "../contract/validate";
import { FABRIKAM } from "../demo-tenants";
import { call, expectConformingResponses, startCheckedSimulator, startTestSimulator, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// Every simulator response body, and the request bodies the app sends, checked against
// Microsoft's published OpenAPI for Graph (simulator/contract/graph).

const MEGAN = "megan@contoso.example";

describe("Graph contract", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  let meganId: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
    meganId = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.id;
  });
  afterEach(() => expectConformingResponses(sim));

  it("every read the app makes answers a body that matches the published schema", async () => {
    const reads: ["v1.0" | "beta", string][] = [
      ["v1.0", "/users"],
      ["v1.0", `/users/${MEGAN}`],
      ["v1.0", `/users/${MEGAN}/authentication/methods`],
      ["v1.0", `/users/${MEGAN}/mailFolders/inbox/messageRules`],
      ["v1.0", `/auditLogs/signIns?$filter=userId eq '${meganId}'`],
      ["v1.0", "/auditLogs/directoryAudits"],
      ["v1.0", `/oauth2PermissionGrants?$filter=principalId eq '${meganId}'`],
      ["v1.0", "/identityProtection/riskyUsers"],
      ["v1.0", "/reports/authenticationMethods/userRegistrationDetails"],
      ["v1.0", "/security/alerts_v2"],
      ["v1.0", "/security/incidents"],
      ["v1.0", `/admin/exchange/tracing/messageTraces?$filter=senderAddress eq '${MEGAN}'&$top=50`],
      ["beta", `/users/${MEGAN}/authentication/requirements`],
      ["v1.0", "/users/nobody@contoso.example"],
    ];
    for (const [version, url] of reads) {
      const res = await call(sim, token, "GET", `/${version}${url}`);
      const apiPath = url.split("?")[0]!;
      const result = validateResponseBody(version, "GET", apiPath, res.status, res.body);
      expect(result.checked, `${url} has a schema`).toBe(true);
      expect(result.errors, `${url} matches its schema`).toEqual([]);
    }
    const trace = (await call(sim, token, "GET", `/v1.0/admin/exchange/tracing/messageTraces?$top=1`)).body!.value[0];
    const detailsPath = `/admin/exchange/tracing/messageTraces/${trace.id}/getDetailsByRecipient(recipientAddress='${trace.recipientAddress}')`;
    const details = await call(sim, token, "GET", `/v1.0${detailsPath}`);
    expect(validateResponseBody("v1.0", "GET", detailsPath, details.status, details.body).errors).toEqual([]);
  });

  it("answers the other operations, writes, batches and error paths with bodies their schemas accept", async () => {
    const fabrikamToken = await tokenFor(sim, FABRIKAM);
    const rules = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules`)).body!.value;
    const grant = (await call(sim, token, "GET", `/v1.0/oauth2PermissionGrants?$filter=principalId eq '${meganId}'`)).body!.value[0];
    const calls: [string | null, string, string, unknown?][] = [
      [token, "GET", "/v1.0/users/it-admin@contoso.example/memberOf"],
      [token, "GET", `/v1.0/servicePrincipals/${grant.clientId}?$select=id,displayName`],
      [token, "GET", `/v1.0/identityProtection/riskyUsers/${meganId}`],
      [token, "GET", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules/${rules[0].id}`],
      [token, "GET", `/v1.0/users/${MEGAN}/authentication/phoneMethods`],
      [token, "GET", "/v1.0/users/pradeep@contoso.example/authentication/windowsHelloForBusinessMethods"],
      [token, "GET", "/v1.0/users/nestor@contoso.example/authentication/temporaryAccessPassMethods"],
      [token, "GET", "/v1.0/users/nestor@contoso.example/authentication/temporaryAccessPassMethods/6f1c3e2a-9d4b-4a8e-b7c5-1e0d2f3a4b5c"],
      [token, "GET", "/beta/auditLogs/signIns?$top=2"],
      [token, "POST", `/v1.0/users/${MEGAN}/revokeSignInSessions`, {}],
      [token, "GET", "/v1.0/users/hana@contoso.example/transitiveMemberOf"],
      [token, "GET", `/v1.0/oauth2PermissionGrants/${grant.id}`],
      [token, "GET", `/v1.0/users/${MEGAN}/mailFolders/${rules[0].actions.moveToFolder}`],
      [token, "GET", `/beta/users/${MEGAN}/authentication/signInPreferences`],
      [
        token,
        "PATCH",
        `/beta/users/adele@contoso.example/authentication/signInPreferences`,
        { userPreferredMethodForSecondaryAuthentication: "push" },
      ],
      [token, "GET", `/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '${meganId}'`],
      [token, "PATCH", "/v1.0/users/adele@contoso.example", { accountEnabled: false }],
      [token, "PATCH", `/beta/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "enforced" }],
      [
        token,
        "DELETE",
        "/v1.0/users/pradeep@contoso.example/authentication/windowsHelloForBusinessMethods/b2a5d8e1-7c3f-4e9a-8b1d-2f6c0a9e4d71",
      ],
      [token, "DELETE", `/v1.0/users/${MEGAN}/mailFolders/inbox/messageRules/${rules[1].id}`],
      [token, "POST", "/v1.0/identityProtection/riskyUsers/confirmCompromised", { userIds: [meganId] }],
      [
        token,
        "POST",
        "/v1.0/users/security@contoso.example/sendMail",
        {
          message: {
            subject: "Advisory",
            body: { contentType: "Text", content: "x" },
            toRecipients: [{ emailAddress: { address: "a@gmail.com" } }],
          },
        },
      ],
      [null, "GET", "/v1.0/users"],
      ["not-a-token", "POST", "/v1.0/$batch", { requests: [{ id: "1", method: "GET", url: "/users" }] }],
      [fabrikamToken, "POST", "/v1.0/users/lidia@fabrikam.example/revokeSignInSessions", {}],
      [fabrikamToken, "GET", "/v1.0/auditLogs/signIns"],
      [fabrikamToken, "GET", "/v1.0/admin/exchange/tracing/messageTraces"],
    ];
    for (const [who, method, url, body] of calls) {
      const res = await call(sim, who, method, url, body);
      const [path] = url.slice(url.indexOf("/", 1)).split("?");
      const result = validateResponseBody(url.startsWith("/beta") ? "beta" : "v1.0", method, path!, res.status, res.body);
      expect(result, `${method} ${url} → ${res.status}`).toEqual({ checked: true, errors: [] });
    }
    // 429, with and without Retry-After, from the quotas.
    sim.configure({
      quotas: {
        reports: { limit: 1, windowMs: 60_000, sendsRetryAfter: true },
        identityProtection: { limit: 1, windowMs: 60_000, sendsRetryAfter: false },
      },
    });
    for (const url of ["/v1.0/auditLogs/directoryAudits", `/v1.0/identityProtection/riskyUsers/${meganId}`]) {
      await call(sim, token, "GET", url);
      const throttled = await call(sim, token, "GET", url);
      expect(throttled.status).toBe(429);
      expect(validateResponseBody("v1.0", "GET", url.slice(5), 429, throttled.body)).toEqual({ checked: true, errors: [] });
    }
    // The $batch envelope, with a 204, a 200, a 404 and a 424 inside; the hook checks each item too.
    const batch = await call(sim, token, "POST", "/v1.0/$batch", {
      requests: [
        {
          id: "a",
          method: "PATCH",
          url: "/users/alex@contoso.example",
          headers: { "Content-Type": "application/json" },
          body: { accountEnabled: false },
        },
        { id: "b", method: "GET", url: "/users/alex@contoso.example?$select=accountEnabled", dependsOn: ["a"] },
        { id: "c", method: "GET", url: "/users/ghost@contoso.example" },
        {
          id: "d",
          method: "POST",
          url: "/users/ghost@contoso.example/revokeSignInSessions",
          headers: { "Content-Type": "application/json" },
          body: {},
          dependsOn: ["c"],
        },
      ],
    });
    expect(batch.body!.responses.map((r: { status: number }) => r.status).sort()).toEqual([200, 204, 404, 424]);
    expect(validateBatchResponse(batch.body)).toEqual({ checked: true, errors: [] });
    expect(validateBatchResponse({ responses: [{ id: 1, status: "ok" }] }).errors.length).toBeGreaterThan(0);
    sim.configure({ quotas: false });
  });

  it("the response hook catches a body that breaks the schema, and an operation no schema describes", async () => {
    const megan = sim.runtime.world.tenants.get("2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01")!.users.find((u) => u.userPrincipalName === MEGAN)!;
    (megan as { accountEnabled: unknown }).accountEnabled = "yes";
    try {
      expect((await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).status).toBe(200);
      expect(sim.responseViolations.splice(0)).toEqual([
        expect.stringMatching(/^GET \/v1\.0\/users\/megan@contoso\.example → 200: \/accountEnabled must be boolean/),
      ]);
      const failing = await startCheckedSimulator({ validateResponses: "fail" });
      try {
        const t = failing.runtime.world.tenants.get("2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01")!;
        (t.users.find((u) => u.userPrincipalName === MEGAN) as { accountEnabled: unknown }).accountEnabled = "yes";
        const res = await call(failing, await tokenFor(failing), "GET", `/v1.0/users/${MEGAN}`);
        expect(res.status).toBe(500);
        expect(res.body!.error.message).toMatch(/breaks Graph's published schema/);
        expect(failing.responseViolations).toHaveLength(1);
      } finally {
        await failing.stop();
      }
    } finally {
      megan.accountEnabled = true;
    }
    const seen: string[] = [];
    const check = createResponseChecker(seen, "record");
    check({ version: "v1.0", method: "GET", path: "/groups", requestId: "r" }, { status: 200, body: { value: [] } });
    expect(seen).toEqual(["GET /v1.0/groups → 200: no published schema describes this operation"]);
  });

  it("the write bodies the app sends match the schema, and a wrong one is caught", () => {
    const ok = [
      validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, {
        passwordProfile: { password: "x-Y-z-123456!", forceChangePasswordNextSignIn: true },
      }),
      validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, { accountEnabled: false }),
      validateRequestBody("beta", "PATCH", `/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "enforced" }),
      validateRequestBody("v1.0", "POST", `/users/security@contoso.example/sendMail`, {
        message: {
          subject: "Advisory",
          body: { contentType: "text", content: "Block it" },
          toRecipients: [{ emailAddress: { address: "postmaster@gmail.com" } }],
        },
        saveToSentItems: true,
      }),
      validateRequestBody("v1.0", "POST", "/identityProtection/riskyUsers/confirmCompromised", { userIds: [meganId] }),
    ];
    for (const r of ok) expect(r).toEqual({ checked: true, errors: [] });
    expect(validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, { accountEnabled: "yes" }).errors.length).toBeGreaterThan(0);
    expect(
      validateRequestBody("beta", "PATCH", `/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "sometimes" }).errors.length,
    ).toBeGreaterThan(0);
  });

  it("with validateRequests on, the simulator refuses a body that breaks the schema", async () => {
    const strict = await startTestSimulator({ validateRequests: true });
    try {
      const strictToken = await tokenFor(strict);
      const bad = await call(strict, strictToken, "PATCH", `/v1.0/users/${MEGAN}`, { accountEnabled: "no" });
      expect(bad.status).toBe(400);
      expect(strict.contractViolations).toHaveLength(1);
      expect((await call(strict, strictToken, "PATCH", `/v1.0/users/${MEGAN}`, { accountEnabled: false })).status).toBe(204);
    } finally {
      await strict.stop();
    }
  });
});
