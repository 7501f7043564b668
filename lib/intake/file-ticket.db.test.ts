import { createSafeActionClient } from "next-safe-action";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { withIntakeFieldErrors } from "./field-errors";
import { fileTicket } from "./file-ticket";
import { ZIntakeForm } from "./schemas";
import { viewerOf as asViewer } from "@/tests/support/viewer";

describe.each(testDbKinds())("filing from the intake form on %s", (kind) => {
  let t: TestDb;
  let admin: Viewer;
  let platform: Viewer;
  let tenantId: string;
  let domain: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const tenant = await seedTenant(t.db);
    tenantId = tenant.id;
    domain = tenant.primaryDomain;
    admin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId }));
    platform = asViewer(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
  });
  afterAll(() => t.close());

  const form = (over: Record<string, unknown> = {}) => ({
    affectedUpn: `megan@${domain}`,
    title: "",
    symptoms: ["BULK_MAIL"],
    symptomsNote: "",
    detectedAt: new Date(Date.now() - 60_000).toISOString(),
    severity: "HIGH",
    fileAnyway: false,
    ...over,
  });
  // The real action pipeline (flattened errors, as the app's client), minus the request checks.
  let currentViewer: Viewer;
  const action = createSafeActionClient({ defaultValidationErrorsShape: "flattened" })
    .inputSchema(ZIntakeForm)
    .action(async ({ parsedInput }) => withIntakeFieldErrors(() => fileTicket(t.db, currentViewer, parsedInput)));

  it("answers every field error in one round, the tenant-domain check among the schema's", async () => {
    currentViewer = admin;
    const result = await action(form({ affectedUpn: "megan@elsewhere.example", symptoms: [], detectedAt: "" }));
    expect(result.validationErrors).toEqual({
      formErrors: [],
      fieldErrors: {
        affectedUpn: [`The account must be in your tenant's domain (${domain}).`],
        symptoms: ["Tick at least one thing you observed, or describe it below."],
        detectedAt: ["Enter when the problem was detected."],
      },
    });
    // A platform admin who chose no tenant hears that too, with the rest.
    currentViewer = platform;
    expect((await action(form({ severity: "" }))).validationErrors?.fieldErrors).toEqual({
      tenantId: ["Choose the tenant this incident belongs to."],
      severity: ["Choose a severity."],
    });
    expect((await action(form({ tenantId: "00000000-0000-4000-8000-000000000000" }))).validationErrors?.fieldErrors).toEqual({
      tenantId: ["That tenant does not exist."],
    });
    expect(await t.db.ticket.count({ where: { tenantId } })).toBe(0);
  });

  it("offers the open incidents for the same account before filing, and files only when asked to anyway", async () => {
    const closed = await seedTicket(t.db, {
      tenantId,
      reporterId: admin.id,
      affectedUpn: `grady@${domain}`,
      status: "CLOSED",
      closedAt: new Date(),
    });
    const first = await fileTicket(t.db, admin, form({ affectedUpn: `Grady@${domain}` }));
    expect(first).toMatchObject({ status: "filed" });
    const again = await fileTicket(t.db, admin, form({ affectedUpn: `grady@${domain}` }));
    expect(again).toEqual({
      status: "duplicates",
      duplicates: [{ id: (first as { id: string }).id, number: (first as { number: number }).number, status: "NEW" }],
    });
    expect(JSON.stringify(again)).not.toContain(closed.id);
    expect(await t.db.ticket.count({ where: { tenantId, affectedUpn: `grady@${domain}` } })).toBe(2);
    const anyway = await fileTicket(t.db, admin, form({ affectedUpn: `grady@${domain}`, fileAnyway: true }));
    expect(anyway).toMatchObject({ status: "filed" });
    expect(await t.db.ticket.count({ where: { tenantId, affectedUpn: `grady@${domain}`, status: { not: "CLOSED" } } })).toBe(2);
    // A platform admin filing for the tenant is offered the same incidents.
    expect(await fileTicket(t.db, platform, form({ affectedUpn: `grady@${domain}`, tenantId }))).toMatchObject({
      status: "duplicates",
      duplicates: [{}, {}],
    });
  });

  it("files several accounts as one campaign incident, and says which pasted line is wrong", async () => {
    currentViewer = admin;
    const bad = await action(
      form({ affectedUpn: `ann@${domain}`, title: "Spray", otherAccounts: `bob@${domain}\nnot an address\nzed@fabrikam.example` }),
    );
    expect(bad.validationErrors?.fieldErrors).toEqual({
      otherAccounts: [
        'Line 2: "not an address" is not a sign-in name (UPN).',
        `Line 3: zed@fabrikam.example is not in your tenant's domain (${domain}).`,
      ],
    });
    expect(await t.db.ticket.count({ where: { tenantId, affectedUpn: `ann@${domain}` } })).toBe(0);

    // A CSV's text with an `account` column; the reported account listed again counts once.
    const csv = `name,account\nBob,BOB@${domain}\nCy,cy@${domain}\nAnn,ann@${domain}`;
    const filed = await action(form({ affectedUpn: `ann@${domain}`, title: "", otherAccounts: csv }));
    expect(filed.data).toMatchObject({ status: "filed" });
    const ticket = await t.db.ticket.findUniqueOrThrow({
      where: { id: (filed.data as { id: string }).id },
      include: { campaignAccounts: { orderBy: { position: "asc" } } },
    });
    expect(ticket.title).toBe(`Campaign: 3 accounts — ann@${domain}`);
    expect(ticket.campaignAccounts.map((a) => [a.upn, a.source])).toEqual([
      [`ann@${domain}`, "INTAKE"],
      [`bob@${domain}`, "INTAKE"],
      [`cy@${domain}`, "INTAKE"],
    ]);

    // One account keeps today's path: no campaign rows.
    const single = await fileTicket(t.db, admin, form({ affectedUpn: `dee@${domain}`, otherAccounts: `\n dee@${domain} \n` }));
    expect(single).toMatchObject({ status: "filed" });
    expect(await t.db.campaignAccount.count({ where: { ticketId: (single as { id: string }).id } })).toBe(0);
  });
});
