import { createSafeActionClient } from "next-safe-action";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { withIntakeFieldErrors } from "./field-errors";
import { fileTicket } from "./file-ticket";
import { ZCreateTicketForm } from "@/lib/tickets/schemas";
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
    .inputSchema(ZCreateTicketForm)
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
});
