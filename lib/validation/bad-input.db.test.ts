import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createActionClient } from "@/lib/actions/client";
import type { Viewer } from "@/lib/auth/viewer";
import { saveImpact } from "@/lib/impact/service";
import { ZSaveImpactInput } from "@/lib/impact/schemas";
import { ZAddPreventiveItemInput } from "@/lib/preventive/schemas";
import { addPreventiveItem } from "@/lib/preventive/service";
import { correctRecipientDomain } from "@/lib/scope/domain-service";
import { ZCorrectRecipientDomainInput } from "@/lib/scope/schemas";
import { ZUpdateIntakeInput } from "@/lib/tickets/schemas";
import { updateIntake } from "@/lib/tickets/update-intake";
import { ZOutcomeInput } from "@/lib/workflow/schemas";
import { updateOutcome } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { UNSTORABLE_TEXT_MESSAGE } from "./fields";

// Hostile values through the real action pipeline (same-origin and session checks, the input
// schema) into the real services and database: each comes back as an error beside its field,
// never as the generic server error, and nothing is written.

const SAME_ORIGIN = { origin: "http://localhost:3200", secFetchSite: "same-origin", host: "localhost:3200" };

describe.each(testDbKinds())("bad input through actions on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let ticketId: string;
  let client: ReturnType<typeof createActionClient>;
  beforeAll(async () => {
    vi.stubEnv("BREACHDESK_DEMO", "1"); // the logger reads the configuration
    t = await createTestDb(kind);
    const tenantId = (await seedTenant(t.db)).id;
    const reporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId });
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    ticketId = (await seedTicket(t.db, { tenantId, reporterId: reporter.id, status: "TRIAGED", assigneeId: engineer.id })).id;
    client = createActionClient({ requestOrigin: async () => SAME_ORIGIN, loadViewer: async () => engineer, openDb: async () => t.db });
  });
  afterAll(() => t.close());

  const actions = () => ({
    intake: client
      .metadata({ name: "updateIntake", permission: "tickets.work" })
      .inputSchema(ZUpdateIntakeInput)
      .action(({ parsedInput, ctx: { viewer, db } }) => updateIntake(db, viewer, parsedInput)),
    impact: client
      .metadata({ name: "saveImpact", permission: "tickets.work" })
      .inputSchema(ZSaveImpactInput)
      .action(({ parsedInput, ctx: { viewer, db } }) => saveImpact(db, viewer, parsedInput)),
    preventive: client
      .metadata({ name: "addPreventiveItem", permission: "tickets.work" })
      .inputSchema(ZAddPreventiveItemInput)
      .action(({ parsedInput, ctx: { viewer, db } }) => addPreventiveItem(db, viewer, parsedInput)),
    counts: client
      .metadata({ name: "correctRecipientDomain", permission: "tickets.work" })
      .inputSchema(ZCorrectRecipientDomainInput)
      .action(({ parsedInput, ctx: { viewer, db } }) => correctRecipientDomain(db, viewer, parsedInput)),
    outcome: client
      .metadata({ name: "updateOutcome", permission: "tickets.work" })
      .inputSchema(ZOutcomeInput)
      .action(({ parsedInput, ctx: { viewer, db } }) => updateOutcome(db, viewer, parsedInput)),
  });
  const fieldErrorsOf = (result: { serverError?: unknown; validationErrors?: { fieldErrors?: Record<string, string[]> } } | undefined) => {
    expect(result?.serverError).toBeUndefined();
    return result?.validationErrors?.fieldErrors ?? {};
  };

  it("answers out-of-range dates, huge numbers and broken text beside the field, and writes nothing", async () => {
    const a = actions();
    const intake = { ticketId, version: 1, title: "Phishing", symptoms: [], symptomsNote: "", detectedAt: "2026-11-24T08:00:00Z" };
    expect(fieldErrorsOf(await a.intake({ ...intake, detectedAt: "0001-01-01T00:00:00Z" }))).toEqual({
      detectedAt: ["Enter a realistic detection time."],
    });
    expect(fieldErrorsOf(await a.intake({ ...intake, title: "Phish \ud83d" }))).toEqual({ title: [UNSTORABLE_TEXT_MESSAGE] });
    expect(Object.keys(fieldErrorsOf(await a.intake({ ...intake, version: 2 ** 40 })))).toEqual(["version"]);

    const impact = { ticketId, version: 1, assessments: [], personalDataInvolved: true, overallSeverity: "HIGH" as const };
    expect(fieldErrorsOf(await a.impact({ ...impact, notificationDeadline: "0001-01-01T00:00" }))).toEqual({
      notificationDeadline: ["Enter a date from the year 2000 on."],
    });
    expect(fieldErrorsOf(await a.impact({ ...impact, notificationDeadline: "+275760-09-13T00:00:00Z" }))).toEqual({
      notificationDeadline: ["Enter a deadline within the next year."],
    });

    expect(fieldErrorsOf(await a.preventive({ ticketId, title: "Enable MFA", dueAt: "9999-12-31" }))).toEqual({
      dueAt: ["Enter a due date within five years."],
    });
    expect(fieldErrorsOf(await a.preventive({ ticketId, title: "Enable MFA", owner: "\udc00" }))).toEqual({
      owner: [UNSTORABLE_TEXT_MESSAGE],
    });

    const domain = await t.db.recipientDomain.create({
      data: { ticketId, domain: "gmail.com", isInternal: false, messageCount: 1, recipientCount: 1 },
    });
    expect(Object.keys(fieldErrorsOf(await a.counts({ domainId: domain.id, version: 1, messageCount: 1e15, recipientCount: 1 })))).toEqual([
      "messageCount",
    ]);
    expect(
      Object.keys(fieldErrorsOf(await a.counts({ domainId: domain.id, version: 2 ** 31, messageCount: 1, recipientCount: 1 }))),
    ).toEqual(["version"]);

    expect(
      fieldErrorsOf(await a.outcome({ ticketId, version: 1, outcomeSummary: "ok", lessonsLearned: "\ud800", closureReason: "" })),
    ).toEqual({ lessonsLearned: [UNSTORABLE_TEXT_MESSAGE] });

    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({
      version: 1,
      title: expect.not.stringContaining("Phish"),
    });
    expect(await t.db.preventiveItem.count({ where: { ticketId } })).toBe(0);
  });

  it("still takes the same forms with good values", async () => {
    const a = actions();
    const saved = await a.intake({
      ticketId,
      version: 1,
      title: "Phishing 👩‍💻 \u202e",
      symptoms: [],
      symptomsNote: "",
      detectedAt: "2026-11-24T08:00:00Z",
    });
    expect(saved?.serverError).toBeUndefined();
    expect(saved?.validationErrors).toBeUndefined();
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).title).toBe("Phishing 👩‍💻 \u202e");
  });
});
