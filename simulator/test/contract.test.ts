import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isContractAvailable, validateRequestBody, validateResponseBody } from "../contract/validate";
import type { RunningSimulator } from "../server";
import { call, startTestSimulator, tokenFor } from "./support";

// Every simulator response body, and the request bodies the app sends, checked against
// Microsoft's published OpenAPI for Graph (../shared/graph-contract).
const available = isContractAvailable();
if (!available) console.warn("Skipping Graph contract tests: ../shared/graph-contract is not present in this checkout.");

const MEGAN = "megan@contoso.example";

describe.skipIf(!available)("Graph contract", () => {
  let sim: RunningSimulator;
  let token: string;
  let meganId: string;
  beforeAll(async () => {
    sim = await startTestSimulator();
    token = await tokenFor(sim);
    meganId = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.id;
  });
  afterAll(() => sim.stop());

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

  it("the write bodies the app sends match the schema, and a wrong one is caught", () => {
    const ok = [
      validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, { passwordProfile: { password: "x-Y-z-123456!", forceChangePasswordNextSignIn: true } }),
      validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, { accountEnabled: false }),
      validateRequestBody("beta", "PATCH", `/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "enforced" }),
      validateRequestBody("v1.0", "POST", `/users/security@contoso.example/sendMail`, {
        message: { subject: "Advisory", body: { contentType: "text", content: "Block it" }, toRecipients: [{ emailAddress: { address: "postmaster@gmail.com" } }] },
        saveToSentItems: true,
      }),
      validateRequestBody("v1.0", "POST", "/identityProtection/riskyUsers/confirmCompromised", { userIds: [meganId] }),
    ];
    for (const r of ok) expect(r).toEqual({ checked: true, errors: [] });
    expect(validateRequestBody("v1.0", "PATCH", `/users/${MEGAN}`, { accountEnabled: "yes" }).errors.length).toBeGreaterThan(0);
    expect(validateRequestBody("beta", "PATCH", `/users/${MEGAN}/authentication/requirements`, { perUserMfaState: "sometimes" }).errors.length).toBeGreaterThan(0);
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
