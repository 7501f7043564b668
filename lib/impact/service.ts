import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatTicketNumber } from "@/lib/tickets/format";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { SEVERITY_LABELS } from "@/lib/tickets/format";
import { isBelowSeverity, NOTIFICATION_WINDOW_HOURS, raiseSeverity, type ImpactCategory, type ImpactLevel } from "./categories";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

export type TSaveImpact = {
  ticketId: string;
  version: number;
  assessments: { category: ImpactCategory; level: ImpactLevel; notes?: string }[];
  personalDataInvolved: boolean;
  notificationDeadline?: Date;
  overallSeverity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
};

/**
 * Stage 3: the structured assessment; may raise (never lower) the ticket's severity. A lower
 * severity is refused beside the field rather than ignored, so the form never says "saved" while
 * showing a level the ticket does not have.
 */
export async function saveImpact(db: Db, viewer: Viewer, input: TSaveImpact) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "change the assessment", { severity: true, detectedAt: true });
  if (isBelowSeverity(input.overallSeverity, ticket.severity)) {
    const current = SEVERITY_LABELS[ticket.severity];
    throw new AppError("INVALID_INPUT", `The ticket is ${current}: severity can only be raised. Choose ${current} or higher.`, {
      field: "overallSeverity",
    });
  }
  const severity = raiseSeverity(ticket.severity, input.overallSeverity);
  const deadline = input.personalDataInvolved
    ? (input.notificationDeadline ?? new Date(ticket.detectedAt.getTime() + NOTIFICATION_WINDOW_HOURS * 3_600_000))
    : null;
  await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, version: input.version },
      data: { severity, personalDataInvolved: input.personalDataInvolved, notificationDeadline: deadline, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    for (const a of input.assessments) {
      await tx.impactAssessment.upsert({
        where: { ticketId_category: { ticketId: ticket.id, category: a.category } },
        create: { ticketId: ticket.id, category: a.category, level: a.level, notes: a.notes || null },
        update: { level: a.level, notes: a.notes || null },
      });
    }
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "ticket.impact_assessed",
      target: formatTicketNumber(ticket.number),
      details: {
        severity: { from: ticket.severity, to: severity },
        personalDataInvolved: input.personalDataInvolved,
        levels: Object.fromEntries(input.assessments.map((a) => [a.category, a.level])),
      },
    });
  });
  return { severity, previousSeverity: ticket.severity, notificationDeadline: deadline };
}
