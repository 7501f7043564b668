// One worked ticket as the demo shows it (and as the end-to-end tests seed their own): the row at
// its status with the times it went through, its checklist and impact work (demo-work.ts), the
// seed's follow-up items, its primary account and the engineer's first comments.
import type { Severity, TicketStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/create-client";
import { recommendationRows } from "@/lib/preventive/recommendations";
import { snapshotReport } from "@/lib/reports/snapshot";
import { formatTicketNumber } from "@/lib/tickets/format";
import type { SeededTicket } from "./demo-history";
import { DEMO_WORK, workRows } from "./demo-work";
import { seedComment, seedTicket } from "./factories";

export type WorkedTicket = {
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
  /** Whose demo work (DEMO_WORK's key) the ticket carries; the affected account's by default. */
  workOf?: string;
};

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

export async function seedWorkedTicket(db: Db, t: WorkedTicket, engineer: { id: string; name: string }): Promise<SeededTicket> {
  const detectedAt = hoursAgo(t.detectedHoursAgo);
  const later = (h: number) => new Date(detectedAt.getTime() + h * 3_600_000);
  const worked = t.status !== "NEW";
  const work = DEMO_WORK[t.workOf ?? t.affectedUpn];
  const ticket = await seedTicket(db, {
    tenantId: t.tenantId,
    reporterId: t.reporterId,
    affectedUpn: t.affectedUpn,
    title: t.title,
    severity: t.severity,
    status: t.status,
    symptoms: t.symptoms,
    symptomsNote: t.symptomsNote,
    detectedAt,
    createdAt: later(0.25),
    assigneeId: t.assigned ? engineer.id : null,
    firstResponseAt: worked ? later(0.5) : null,
    containedAt: ["CONTAINED", "RESOLVED", "CLOSED"].includes(t.status) ? later(1.5) : null,
    resolvedAt: ["RESOLVED", "CLOSED"].includes(t.status) ? later(6) : null,
    closedAt: t.status === "CLOSED" ? later(30) : null,
    ...(t.status === "CLOSED" ? { ...work?.outcome, reviewStatus: "IN_REVIEW" as const } : {}),
  });
  const rows = work
    ? workRows(work, {
        id: ticket.id,
        tenantId: ticket.tenantId,
        target: formatTicketNumber(ticket.number),
        engineerId: engineer.id,
        containedAt: ticket.containedAt,
        resolvedAt: ticket.resolvedAt,
      })
    : null;
  if (rows) {
    await db.checklistStep.createMany({ data: rows.steps });
    await db.impactAssessment.createMany({ data: rows.impacts });
  }
  // On a closed demo ticket the first recommendation (MFA for all) is done; the rest stay open.
  await db.preventiveItem.createMany({
    data: recommendationRows(ticket.id, ticket.createdAt).map((row, i) =>
      t.status === "CLOSED" && i === 0 ? { ...row, status: "DONE" as const, owner: "Tenant IT" } : row,
    ),
  });
  await db.affectedUser.create({
    data: { ticketId: ticket.id, upn: t.affectedUpn, isPrimary: true, addedById: t.reporterId, createdAt: ticket.createdAt },
  });
  if (worked) {
    await seedComment(db, {
      ticketId: ticket.id,
      authorId: engineer.id,
      visibility: "PUBLIC",
      createdAt: later(0.5),
      body: "Thanks for the report. I have picked this up and am reviewing the account's sign-ins now.",
    });
    await seedComment(db, {
      ticketId: ticket.id,
      authorId: engineer.id,
      visibility: "INTERNAL",
      createdAt: later(0.6),
      body: "Internal: sign-ins from an unfamiliar ASN; checking inbox rules before containment.",
    });
  }
  return { ...ticket, assignee: t.assigned ? { id: engineer.id, name: engineer.name } : null, events: rows?.events ?? [] };
}

/** A closed ticket waits in the manager's review queue with its report (whose appendix reads the history). */
export async function snapshotClosedReport(db: Db, t: SeededTicket, engineerId: string) {
  await db.$transaction((tx) => snapshotReport(tx, { ticketId: t.id, actorId: engineerId }));
  // The report was written when the ticket closed, not when it was seeded.
  await db.reportVersion.updateMany({ where: { ticketId: t.id }, data: { createdAt: t.closedAt! } });
}
