import { afterEach, describe, expect, it } from "vitest";
import { validateBatchResponse, validateResponseBody } from "@/simulator/contract/validate";
import { startReplay, type Replay } from "@/tests/support/graph-replay";
import { applyAccountChanges, readAccountState } from "./account-changes";
import { getMfaState } from "./account";
import { deleteAuthMethod, getSignInPreferences, listAuthMethods } from "./auth-methods";
import { getConsent } from "./consents";
import { batchAnswer, EXAMPLES, UPN, USER_ID, type Example } from "./documented-examples";
import { listDirectoryAudits, listSignIns } from "./logs";
import { sendMail } from "./mail";
import { listInboxRules } from "./mailbox";
import { listMessageTraces } from "./message-trace";
import { listUserRegistrationDetails } from "./registration";
import { listAll } from "./request";
import { getRiskyUser } from "./risk";
import { listRiskDetectionsSince } from "./risk-detections";
import { getUser, listUserRoles } from "./users";

// For each Graph operation the app calls: the response Microsoft documents for it (our fixture,
// documented-examples.ts, page named there) fed to the real client, and what the client makes of
// it. Each fixture is checked against Microsoft's published schema first.

let replay: Replay | null = null;
const serve = async (...examples: Example[]) => {
  for (const e of examples) {
    const path = e.exchange.url.replace(/^\/(v1\.0|beta)/, "").split("?")[0]!;
    const check =
      path === "/$batch"
        ? validateBatchResponse(e.exchange.body)
        : validateResponseBody(e.version ?? "v1.0", e.exchange.method, path, e.exchange.status, e.exchange.body);
    expect(check.errors, `${e.page}: ${e.exchange.method} ${path}`).toEqual([]);
  }
  replay = await startReplay(examples.map((e) => e.exchange));
  return replay.graph();
};
afterEach(async () => {
  if (replay) expect(replay.unmatched).toEqual([]);
  await replay?.stop();
  replay = null;
});

describe("the client on Microsoft's documented responses", () => {
  it("user-get: the primary SMTP address is mail, not the UPN; the last password change is read", async () => {
    const user = await getUser(await serve(EXAMPLES.getUser), UPN);
    expect(user).toMatchObject({ id: USER_ID, mail: "Adele.Vance@contoso.com", lastPasswordChangeDateTime: "2026-10-30T17:01:12Z" });
  });

  it("json-batching, user-update, user-revokesigninsessions: items without request ids keep the batch's and our own", async () => {
    const g = await serve(batchAnswer(["blockSignIn", "revokeSessions"]));
    const changes = await applyAccountChanges(g, USER_ID, [{ kind: "blockSignIn" }, { kind: "revokeSessions" }]);
    for (const c of changes.values())
      expect(c).toMatchObject({
        status: "accepted",
        requestId: "0fe3a8f3-8d9a-4f3c-8f3e-5e7d6a5b4c3d",
        clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
  });

  it("user-list-transitivememberof, roleeligibilityscheduleinstances: a role through a group and a PIM-eligible one", async () => {
    const first = batchAnswer([]);
    first.exchange.body = {
      responses: [
        { id: "user", status: 200, headers: {}, body: { id: USER_ID } },
        { id: "memberOf", status: 200, headers: {}, body: EXAMPLES.transitiveMemberOf.exchange.body },
      ],
    };
    const second = batchAnswer([]);
    second.exchange.body = {
      responses: ["0", "1"].map((id, i) => ({
        id,
        status: 200,
        headers: {},
        body: EXAMPLES.eligibility(i === 0 ? USER_ID : "group").exchange.body,
      })),
    };
    const roles = await listUserRoles(await serve(first, second), UPN);
    expect(roles).toEqual([
      { name: "Helpdesk Administrator", via: "active" },
      { name: "Global Administrator", via: "eligible" },
    ]);
  });

  it("authentication-list-methods: a phone without createdDateTime is listed, undated; phoneType kept", async () => {
    const { methods } = await listAuthMethods(await serve(EXAMPLES.methods), USER_ID);
    expect(methods.map((m) => [m.kind, m.createdAt?.toISOString() ?? null, m.phoneType ?? null])).toEqual([
      ["password", "2025-01-02T03:04:05.000Z", null],
      ["phone", null, "mobile"],
      ["microsoftAuthenticator", "2026-11-23T22:10:00.000Z", null],
    ]);
  });

  it("phoneauthenticationmethod-delete, authentication-get (beta): the delete answers 204; the default method is sms", async () => {
    const g = await serve(EXAMPLES.signInPreferences, EXAMPLES.deletePhone, EXAMPLES.requirements);
    expect(await getSignInPreferences(g, USER_ID)).toEqual({ systemPreferred: true, userPreferred: "sms" });
    await expect(deleteAuthMethod(g, USER_ID, { id: "3179e48a-750b-4051-897c-87b9720928f7", kind: "phone" })).resolves.toMatchObject({
      requestId: expect.any(String),
    });
    expect((await getMfaState(g, USER_ID)).state).toBe("enforced");
  });

  it("mailfolder-list-messagerules, mailfolder-get: the folder's name for its id; a read-only rule as such", async () => {
    const { rules } = await listInboxRules(await serve(EXAMPLES.rules, EXAMPLES.folder), USER_ID);
    expect(rules.map((r) => [r.displayName, r.readOnly, r.moveToFolderName ?? null])).toEqual([
      ["From partner", false, "Partner mail"],
      ["Imported rule", true, null],
    ]);
  });

  it("signin-list, directoryaudit-list: a documented clientAppUsed; an audit initiated by a user, not an app", async () => {
    const g = await serve(EXAMPLES.signIns, EXAMPLES.audits);
    const since = new Date("2026-11-01T00:00:00Z");
    const { signIns } = await listSignIns(g, USER_ID, since);
    expect(signIns).toEqual([expect.objectContaining({ country: "NG", clientApp: "IMAP", errorCode: 0 })]);
    const { audits } = await listDirectoryAudits(g, USER_ID, since);
    expect(audits).toEqual([expect.objectContaining({ activity: "User registered security info", initiatedBy: UPN })]);
  });

  it("oauth2permissiongrant-get: the grant by id, and a 404 as already revoked", async () => {
    const g = await serve(EXAMPLES.grant, EXAMPLES.grantGone);
    expect((await getConsent(g, "l5-cGLTsDku3Bd4TqzFzFG5nO58")).grant).toMatchObject({
      consentType: "Principal",
      principalId: USER_ID,
      scope: "Mail.Read offline_access",
    });
    expect((await getConsent(g, "gone")).grant).toBeNull();
  });

  it("riskyuser-get: isProcessing says the state may be about to change", async () => {
    expect((await getRiskyUser(await serve(EXAMPLES.riskyUser), USER_ID)).risk).toMatchObject({ riskState: "atRisk", processing: true });
  });

  it("riskdetection-list: a detection by its id, the account lower-cased, risk level as severity", async () => {
    const since = new Date("2026-11-24T09:45:00Z");
    const select =
      "id,userPrincipalName,riskEventType,riskLevel,riskState,riskDetail,detectionTimingType,ipAddress,activityDateTime,detectedDateTime";
    const g = await serve(EXAMPLES.riskDetections(`detectedDateTime ge ${since.toISOString()}`, select));
    expect(await listRiskDetectionsSince(g, since)).toEqual({
      truncated: false,
      items: [
        expect.objectContaining({
          source: "riskDetections",
          externalId: "6a5874ca-abcd-9d82-5ad39bd71600",
          upns: ["adelev@contoso.com"],
          severity: "medium",
          raisedAt: new Date("2026-11-24T10:03:00Z"),
        }),
      ],
    });
  });

  it("messagetracingroot-list-messagetraces: lower camelCase statuses, $top at its maximum", async () => {
    const { traces, truncated } = await listMessageTraces(await serve(EXAMPLES.traces), {
      senderAddress: "Adele.Vance@contoso.com",
      startDate: new Date("2026-11-20T00:00:00Z"),
      endDate: new Date("2026-11-24T00:00:00Z"),
    });
    expect(traces.map((t) => [t.recipientAddress, t.status])).toEqual([
      ["j.smith@gmail.com", "delivered"],
      ["maria@gmail.com", "gettingStatus"],
    ]);
    expect(truncated).toBe(false);
  });

  it("user-sendmail: 202 Accepted with no body", async () => {
    await expect(
      sendMail(await serve(EXAMPLES.sendMail), { from: "security@contoso.com", to: ["admin@gmail.com"], subject: "Advisory", text: "x" }),
    ).resolves.toEqual({ requestId: expect.any(String) });
  });

  it("userregistrationdetails: read without $top; a listing that stops at its limit says it has more", async () => {
    const g = await serve(EXAMPLES.registration);
    const page = await listAll(g, { op: "listRegistrationDetails", path: "/reports/authenticationMethods/userRegistrationDetails" }, 1);
    expect(page).toMatchObject({ items: [expect.objectContaining({ userPrincipalName: UPN })], truncated: true });
    expect(replay!.served).toBe(1);
    await replay!.stop();
    const again = await serve(EXAMPLES.registration, {
      ...EXAMPLES.registration,
      exchange: {
        ...EXAMPLES.registration.exchange,
        url: "/v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=Mg",
        body: { value: [] },
      },
    });
    expect(await listUserRegistrationDetails(again)).toMatchObject({
      users: [expect.objectContaining({ isMfaRegistered: true, methodsRegistered: ["mobilePhone"] })],
      truncated: false,
    });
  });

  it("verification reads: user, beta requirements (and no audit unless asked) in one round trip", async () => {
    const user = batchAnswer([]);
    user.exchange.body = {
      responses: [{ id: "user", status: 200, headers: {}, body: { ...(EXAMPLES.getUser.exchange.body as object), accountEnabled: false } }],
    };
    const mfa = { ...batchAnswer([]), version: "beta" as const };
    mfa.exchange = {
      ...mfa.exchange,
      url: "/beta/$batch",
      body: { responses: [{ id: "mfa", status: 200, headers: {}, body: EXAMPLES.requirements.exchange.body }] },
    };
    const state = await readAccountState(await serve(user, mfa), USER_ID, new Date(), { audits: false });
    expect(state).toMatchObject({
      accountEnabled: false,
      perUserMfaState: "enforced",
      lastPasswordChange: new Date("2026-10-30T17:01:12Z"),
      passwordResets: null,
    });
  });
});
