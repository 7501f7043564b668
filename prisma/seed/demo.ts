// Demo data: two tenants connected to the tenant simulator, a third (Northwind) waiting for its
// admin to connect it by consent, one sign-in per role and a few tickets in different states.
// Only ever run in demo mode (scripts/seed.ts checks).
import type { Severity, TicketStatus } from "@/generated/prisma/enums";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { CONTOSO, FABRIKAM, NORTHWIND } from "@/simulator/demo-tenants";
import { recommendationRows } from "@/lib/preventive/recommendations";
import { snapshotReport } from "@/lib/reports/snapshot";
import { formatTicketNumber } from "@/lib/tickets/format";
import { seedHistory, type SeededTicket } from "./demo-history";
import { DEMO_WORK, workRows } from "./demo-work";
import { seedComment, seedTicket, seedUser } from "./factories";

export const DEMO_PASSWORD = "Breachdesk-demo-1";

export const DEMO_SIGN_INS = {
  contosoAdmin: "admin@contoso.example",
  fabrikamAdmin: "admin@fabrikam.example",
  northwindAdmin: "admin@northwind.example",
  engineer: "engineer@breachdesk.example",
  manager: "manager@breachdesk.example",
  platform: "platform@breachdesk.example",
} as const;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await db.tenant.count({ where: { entraTenantId: CONTOSO.tenantId } })) > 0;
}

export type DemoSeedOutcome = "seeded" | "already-seeded" | "refused-not-demo" | "refused-real-tenants" | "refused-real-users";

/**
 * Seeds the demo only in demo mode and only into a database without real tenants or users, so
 * demo sign-ins (with a published password) never reach a production database by accident.
 */
export async function seedDemoIfAllowed(db: Db, options: { isDemoMode: boolean; encryptionKey: string }): Promise<DemoSeedOutcome> {
  if (!options.isDemoMode) return "refused-not-demo";
  if (await isDemoSeeded(db)) return "already-seeded";
  if ((await db.tenant.count({ where: { isDemo: false } })) > 0) return "refused-real-tenants";
  if ((await db.user.count({ where: { email: { notIn: Object.values(DEMO_SIGN_INS) } } })) > 0) return "refused-real-users";
  await seedDemo(db, options.encryptionKey);
  return "seeded";
}

export async function seedDemo(db: Db, encryptionKey: string) {
  const tenant = (t: typeof CONTOSO, displayName: string, extra: { serviceMailbox?: string; requireApproval?: boolean } = {}) =>
    db.tenant.create({
      data: {
        displayName,
        entraTenantId: t.tenantId,
        primaryDomain: t.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: t.clientId,
        clientSecretEncrypted: encryptSecret(t.clientSecret, encryptionKey),
        isDemo: true,
        ...extra,
      },
    });
  const contoso = await tenant(CONTOSO, "Contoso (demo)", { serviceMailbox: `security@${CONTOSO.primaryDomain}` });
  // Fabrikam asks for a second person's approval before destructive steps.
  const fabrikam = await tenant(FABRIKAM, "Fabrikam (demo)", { serviceMailbox: `it@${FABRIKAM.primaryDomain}`, requireApproval: true });
  // Northwind is not connected yet: its admin connects it by consent to Breachdesk's app, which
  // tells Breachdesk its Entra tenant id.
  const northwind = await db.tenant.create({
    data: { displayName: "Northwind (demo)", primaryDomain: NORTHWIND.primaryDomain, connectionKind: "SIMULATED", connectionMode: "DEPLOYMENT_APP", isDemo: true },
  });

  const user = (role: Parameters<typeof seedUser>[1]["role"], email: string, name: string, tenantId?: string) =>
    seedUser(db, { role, email, name, tenantId, password: DEMO_PASSWORD });
  const contosoAdmin = await user("TENANT_ADMIN", DEMO_SIGN_INS.contosoAdmin, "Isaiah Langer (Contoso IT)", contoso.id);
  const fabrikamAdmin = await user("TENANT_ADMIN", DEMO_SIGN_INS.fabrikamAdmin, "Nestor Wilke (Fabrikam IT)", fabrikam.id);
  await user("TENANT_ADMIN", DEMO_SIGN_INS.northwindAdmin, "Robin Ortiz (Northwind IT)", northwind.id);
  const engineer = await user("ENGINEER", DEMO_SIGN_INS.engineer, "Riya Shah (Support)");
  await user("MANAGER", DEMO_SIGN_INS.manager, "Morgan Lee (Support manager)");
  await user("PLATFORM_ADMIN", DEMO_SIGN_INS.platform, "Pat Quinn (Platform)");

  type DemoTicket = {
    tenantId: string;
    reporterId: string;
    affectedUpn: string;
    title: string;
    severity: Severity;
    status: TicketStatus;
    symptoms: string[];
    symptomsNote?: string;
    detectedHoursAgo: number;
    assigned?: boolean;
  };
  const tickets: DemoTicket[] = [
    {
      tenantId: contoso.id, reporterId: contosoAdmin.id, affectedUpn: "megan@contoso.example",
      title: "Megan's mailbox is sending bulk mail to Gmail", severity: "HIGH", status: "NEW",
      symptoms: ["BULK_MAIL", "OUTBOUND_RESTRICTED", "MFA_DISABLED"],
      symptomsNote: "Alert 'User restricted from sending email' this morning; several Gmail recipients replied asking about an invoice.",
      detectedHoursAgo: 2,
    },
    {
      tenantId: contoso.id, reporterId: contosoAdmin.id, affectedUpn: "adele@contoso.example",
      title: "Sign-ins from an unknown country for Adele", severity: "MEDIUM", status: "TRIAGED",
      symptoms: ["UNUSUAL_SIGN_IN"], detectedHoursAgo: 20, assigned: true,
    },
    {
      tenantId: contoso.id, reporterId: contosoAdmin.id, affectedUpn: "alex@contoso.example",
      title: "Inbox rule deleting replies on Alex's mailbox", severity: "LOW", status: "CLOSED",
      symptoms: ["INBOX_RULES"], detectedHoursAgo: 24 * 12, assigned: true,
    },
    {
      tenantId: contoso.id, reporterId: contosoAdmin.id, affectedUpn: "lee@contoso.example",
      title: "Suspicious app consent on Lee's account", severity: "MEDIUM", status: "CLOSED",
      symptoms: ["SECURITY_ALERT"], detectedHoursAgo: 24 * 5, assigned: true,
    },
    {
      tenantId: fabrikam.id, reporterId: fabrikamAdmin.id, affectedUpn: "lidia@fabrikam.example",
      title: "Fabrikam finance mailbox phishing partners", severity: "CRITICAL", status: "CONTAINED",
      symptoms: ["BULK_MAIL", "RECIPIENT_COMPLAINTS", "SECURITY_ALERT"], detectedHoursAgo: 30, assigned: true,
    },
    {
      tenantId: fabrikam.id, reporterId: fabrikamAdmin.id, affectedUpn: "diego@fabrikam.example",
      title: "Security info changed on Diego's account", severity: "MEDIUM", status: "RESOLVED",
      symptoms: ["SECURITY_INFO_CHANGED"], detectedHoursAgo: 72, assigned: true,
    },
  ];
  const seeded: SeededTicket[] = [];
  for (const t of tickets) {
    const detectedAt = hoursAgo(t.detectedHoursAgo);
    const later = (h: number) => new Date(detectedAt.getTime() + h * 3_600_000);
    const worked = t.status !== "NEW";
    const ticket = await seedTicket(db, {
      tenantId: t.tenantId, reporterId: t.reporterId, affectedUpn: t.affectedUpn, title: t.title,
      severity: t.severity, status: t.status, symptoms: t.symptoms, symptomsNote: t.symptomsNote,
      detectedAt, createdAt: later(0.25),
      assigneeId: t.assigned ? engineer.id : null,
      firstResponseAt: worked ? later(0.5) : null,
      containedAt: ["CONTAINED", "RESOLVED", "CLOSED"].includes(t.status) ? later(1.5) : null,
      resolvedAt: ["RESOLVED", "CLOSED"].includes(t.status) ? later(6) : null,
      closedAt: t.status === "CLOSED" ? later(30) : null,
      ...(t.status === "CLOSED" ? { ...DEMO_WORK[t.affectedUpn]?.outcome, reviewStatus: "IN_REVIEW" as const } : {}),
    });
    const work = DEMO_WORK[t.affectedUpn];
    const rows = work ? workRows(work, { id: ticket.id, tenantId: ticket.tenantId, target: formatTicketNumber(ticket.number), engineerId: engineer.id, containedAt: ticket.containedAt, resolvedAt: ticket.resolvedAt }) : null;
    if (rows) {
      await db.checklistStep.createMany({ data: rows.steps });
      await db.impactAssessment.createMany({ data: rows.impacts });
    }
    // On a closed demo ticket the first recommendation (MFA for all) is done; the rest stay open.
    await db.preventiveItem.createMany({
      data: recommendationRows(ticket.id, ticket.createdAt).map((row, i) => (t.status === "CLOSED" && i === 0 ? { ...row, status: "DONE" as const, owner: "Tenant IT" } : row)),
    });
    await db.affectedUser.create({ data: { ticketId: ticket.id, upn: t.affectedUpn, isPrimary: true, addedById: t.reporterId, createdAt: ticket.createdAt } });
    seeded.push({ ...ticket, assignee: t.assigned ? { id: engineer.id, name: engineer.name } : null, events: rows?.events ?? [] });
    if (worked) {
      await seedComment(db, {
        ticketId: ticket.id, authorId: engineer.id, visibility: "PUBLIC", createdAt: later(0.5),
        body: "Thanks for the report. I have picked this up and am reviewing the account's sign-ins now.",
      });
      await seedComment(db, {
        ticketId: ticket.id, authorId: engineer.id, visibility: "INTERNAL", createdAt: later(0.6),
        body: "Internal: sign-ins from an unfamiliar ASN; checking inbox rules before containment.",
      });
    }
  }
  await seedHistory(db, seeded);
  // Closed demo tickets wait in the manager's review queue with their report (its timeline
  // appendix reads the history above).
  for (const t of seeded.filter((s) => s.status === "CLOSED")) {
    await db.$transaction((tx) => snapshotReport(tx, { ticketId: t.id, actorId: engineer.id }));
    // The report was written when the ticket closed, not when the demo was seeded.
    await db.reportVersion.updateMany({ where: { ticketId: t.id }, data: { createdAt: t.closedAt! } });
  }
}
