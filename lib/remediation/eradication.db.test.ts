import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { createTenantGraph } from "@/lib/graph/client";
import { listUserConsents } from "@/lib/graph/consents";
import { deleteInboxRule, listInboxRules } from "@/lib/graph/mailbox";
import { listAuthMethods } from "@/lib/graph/auth-methods";
import { takeSnapshot } from "@/lib/investigation/snapshot";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, FABRIKAM } from "@/simulator/demo-tenants";
import type { GraphRequest } from "@/simulator/http";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getChecklist } from "./queries";
import { runStep } from "./run-step";
import { viewerOf } from "@/tests/support/viewer";

const MEGAN = "megan@contoso.example";
const ADELE = "adele@contoso.example";
const LIDIA = "lidia@fabrikam.example";

describe.each(testDbKinds())("eradication steps on %s", (kind) => {
  let t: TestDb;
  const sim = setUpTestSimulator(() => ({
    validateRequests: true,
    onRequest: (r: GraphRequest) => void (r.method === "DELETE" && deletes.push(r.path)),
  }));
  let engineer: Viewer;
  let tenantId: string;
  let reporterId: string;
  const deletes: string[] = [];
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 1, delaySeconds: 1 },
    });
  const ticketWithSnapshot = async (upn: string) => {
    const id = (await seedTicket(t.db, { tenantId, reporterId, affectedUpn: upn })).id;
    await takeSnapshot(t.db, engineer, { ticketId: id }, { graph: graph() });
    return id;
  };
  const userId = async (upn: string) =>
    ((await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as { id: string; userPrincipalName: string }[]).find(
      (u) => u.userPrincipalName === upn,
    )!.id;
  const contosoGrants = () => sim.runtime.world.tenants.get(CONTOSO.tenantId)!.grants;
  const run = (
    ticketId: string,
    stepKey: "remove-inbox-rules" | "remove-auth-methods" | "revoke-oauth-grants",
    params: Record<string, string>,
    key: string,
  ) => runStep(t.db, engineer, { ticketId, stepKey, params, idempotencyKey: key }, { graph: graph() });
  const state = async (ticketId: string, key: string) => (await t.db.checklistStep.findFirstOrThrow({ where: { ticketId, key } })).state;

  beforeAll(async () => {
    t = await createTestDb(kind);
    tenantId = (await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain })).id;
    const e = await seedUser(t.db, { role: "ENGINEER" });
    engineer = viewerOf(e);
    reporterId = (await seedUser(t.db, { role: "TENANT_ADMIN", tenantId })).id;
  });
  beforeEach(() => {
    sim.reset();
    deletes.length = 0;
  });
  afterAll(async () => {
    expect(sim.contractViolations).toEqual([]);
    await t.close();
  });

  it("refuses to revoke another user's consent from a ticket: Megan's grant on Adele's ticket stays", async () => {
    const adeleTicket = await ticketWithSnapshot(ADELE);
    const megansGrant = (await listUserConsents(graph(), await userId(MEGAN))).consents[0]!;
    await expect(run(adeleTicket, "revoke-oauth-grants", { grantId: megansGrant.id }, "cross-1")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(`not one the evidence snapshot flagged for ${ADELE}`),
    });
    expect(deletes).toEqual([]);
    expect(await t.db.remediationAction.count({ where: { ticketId: adeleTicket } })).toBe(0);
    expect((await listUserConsents(graph(), await userId(MEGAN))).consents.map((c) => c.id)).toContain(megansGrant.id);
  });

  it("reads the grant before deleting it: a tenant-wide consent, or one that now belongs to someone else, is refused and kept", async () => {
    const ticketId = await ticketWithSnapshot(MEGAN);
    const grant = contosoGrants().find((g) => g.clientDisplayName === "Mail Helper Pro")!;
    Object.assign(grant, { consentType: "AllPrincipals", principalId: null }); // the tenant's admin consented for everyone since
    const tenantWide = await run(ticketId, "revoke-oauth-grants", { grantId: grant.id }, "all-1");
    expect(tenantWide.outcome).toMatchObject({
      status: "FAILED",
      errorMessage: expect.stringMatching(/admin consent for the whole tenant.*Microsoft Entra admin center/),
    });
    Object.assign(grant, { consentType: "Principal", principalId: await userId(ADELE) });
    const foreign = await run(ticketId, "revoke-oauth-grants", { grantId: grant.id }, "other-1");
    expect(foreign.outcome).toMatchObject({
      status: "FAILED",
      errorMessage: expect.stringContaining(`belongs to another user, not ${MEGAN}`),
    });
    expect(deletes).toEqual([]);
    expect(contosoGrants().map((g) => g.id)).toContain(grant.id);

    Object.assign(grant, { principalId: await userId(MEGAN) });
    const own = await run(ticketId, "revoke-oauth-grants", { grantId: grant.id }, "own-1");
    expect(own.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: "“Mail Helper Pro” is gone; the flagged app consent is removed",
    });
    expect(deletes).toEqual([`/oauth2PermissionGrants/${grant.id}`]);
    expect(await state(ticketId, "revoke-oauth-grants")).toBe("DONE");
  });

  it("removing one of two flagged rules is in progress (“1 of 2 removed”); the second makes the step done", async () => {
    const ticketId = await ticketWithSnapshot(MEGAN);
    const [first, second] = (await getChecklist(t.db, engineer, ticketId)).find((r) => r.key === "remove-inbox-rules")!.items!;
    const one = await run(ticketId, "remove-inbox-rules", { ruleId: first!.id }, "rules-1");
    expect(one.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: expect.stringContaining(`1 of 2 removed; still there: ${second!.label}`),
    });
    expect(await state(ticketId, "remove-inbox-rules")).toBe("IN_PROGRESS");
    expect(
      (await getChecklist(t.db, engineer, ticketId)).find((r) => r.key === "remove-inbox-rules")!.items!.map((i) => i.removed),
    ).toEqual([true, false]);

    const two = await run(ticketId, "remove-inbox-rules", { ruleId: second!.id }, "rules-2");
    expect(two.outcome!.observed).toBe(`${second!.label} is gone; all 2 flagged inbox rules are removed`);
    expect(await state(ticketId, "remove-inbox-rules")).toBe("DONE");
    expect((await listInboxRules(graph(), MEGAN)).rules).toEqual([]);
    // The audit log names each rule a run acted on, so the timeline and the report can say which.
    const started = await t.db.auditEvent.findMany({ where: { ticketId, action: "remediation.started" }, orderBy: { seq: "asc" } });
    expect(started.map((e) => (e.details as { items: { params: { ruleId: string } }[] }).items.map((i) => i.params.ruleId))).toEqual([
      [first!.id],
      [second!.id],
    ]);
  });

  it("a rule already gone counts as removed (404 on DELETE), and a re-check after a failure settles the step from the tenant", async () => {
    const ticketId = await ticketWithSnapshot(MEGAN);
    const [first, second] = (await getChecklist(t.db, engineer, ticketId)).find((r) => r.key === "remove-inbox-rules")!.items!;
    await deleteInboxRule(graph(), MEGAN, first!.id); // removed in Outlook meanwhile (or by a click that already went through)
    const again = await run(ticketId, "remove-inbox-rules", { ruleId: first!.id }, "gone-1");
    expect(again.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: expect.stringContaining(`${first!.label} was already gone; 1 of 2 removed`),
    });
    expect(await state(ticketId, "remove-inbox-rules")).toBe("IN_PROGRESS");

    // A 503 can hide a delete that was done: not FAILED but UNKNOWN, and the read back decides (here: still there).
    sim.configure({ faults: [{ operation: "deleteMessageRule", status: 503, times: 5 }] });
    const failed = await runStep(
      t.db,
      engineer,
      { ticketId, stepKey: "remove-inbox-rules", params: { ruleId: second!.id }, idempotencyKey: "fail-1" },
      { graph: graph(), verifyForMs: 0 },
    );
    expect(failed.outcome).toMatchObject({ status: "UNKNOWN", verified: false, errorMessage: expect.stringContaining("server error") });
    sim.configure({ faults: [] });
    await deleteInboxRule(graph(), MEGAN, second!.id);
    await control(sim, "POST", "/advance-time", { ms: 10_000 }); // the engineer comes back later: Graph's reads have caught up
    const recheck = await run(ticketId, "remove-inbox-rules", {}, "recheck-1");
    expect(recheck.outcome).toMatchObject({
      status: "SUCCEEDED",
      verified: true,
      observed: "Re-checked; all 2 flagged inbox rules are removed",
    });
    expect(await state(ticketId, "remove-inbox-rules")).toBe("DONE");
  });

  it("removes only what the snapshot flagged, through the collection the finding names", async () => {
    const ticketId = await ticketWithSnapshot(MEGAN);
    await expect(run(ticketId, "remove-inbox-rules", { ruleId: "not-flagged" }, "x-1")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const phone = (await listAuthMethods(graph(), MEGAN)).methods.find((m) => m.kind === "phone")!;
    // Megan has registered Authenticator and made it her default: the phone can go.
    await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/users/${MEGAN}/register-method`, {
      kind: "microsoftAuthenticator",
      makeDefault: true,
    });
    await control(sim, "POST", "/advance-time", { ms: 10_000 });
    // A tampered kind from the browser does not redirect the delete.
    const removed = await run(ticketId, "remove-auth-methods", { methodId: phone.id, methodKind: "fido2" }, "m-1");
    expect(removed.outcome).toMatchObject({ status: "SUCCEEDED", verified: true });
    expect(deletes).toEqual([`/users/${await userId(MEGAN)}/authentication/phoneMethods/${phone.id}`]);
    expect(await state(ticketId, "remove-auth-methods")).toBe("DONE");
  });

  it("never sends a read-only rule to Graph: the step says how to remove it by hand, and a re-check settles it once it is gone", async () => {
    const fabrikam = (await seedTenant(t.db, { entraTenantId: FABRIKAM.tenantId, primaryDomain: FABRIKAM.primaryDomain })).id;
    const fabrikamGraph = createTenantGraph({ ...FABRIKAM, simulatorUrl: sim.url, retry: { maxRetries: 1, delaySeconds: 1 } });
    const ticketId = (await seedTicket(t.db, { tenantId: fabrikam, reporterId, affectedUpn: LIDIA })).id;
    await takeSnapshot(t.db, engineer, { ticketId }, { graph: fabrikamGraph });
    const items = (await getChecklist(t.db, engineer, ticketId, LIDIA)).find((r) => r.key === "remove-inbox-rules")!.items!;
    const readOnly = items.find((i) => i.readOnly)!;
    expect(readOnly).toMatchObject({
      label: "“...”",
      removed: false,
      manual: expect.stringMatching(/read-only to Microsoft Graph.*Remove-InboxRule -Mailbox lidia@fabrikam.example.*Re-check/),
    });
    const rerun = (params: Record<string, string>, key: string) =>
      runStep(t.db, engineer, { ticketId, stepKey: "remove-inbox-rules", params, idempotencyKey: key }, { graph: fabrikamGraph });
    await expect(rerun({ ruleId: readOnly.id }, "ro-1")).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("cannot delete it"),
    });
    expect(deletes).toEqual([]);
    // The tenant's admin removes it in Exchange; Graph's reads catch up; the re-check sees it gone.
    for (const item of items) {
      await control(sim, "POST", `/tenants/${FABRIKAM.tenantId}/users/${LIDIA}/remove-rule`, { ruleId: item.id });
    }
    await control(sim, "POST", "/advance-time", { ms: 10_000 });
    expect((await rerun({}, "ro-recheck")).outcome).toMatchObject({
      verified: true,
      observed: "Re-checked; all 3 flagged inbox rules are removed",
    });
    expect(await state(ticketId, "remove-inbox-rules")).toBe("DONE");
  });
});
