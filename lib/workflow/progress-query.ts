import "server-only";
import type { Db } from "@/lib/db/create-client";
import { IMPACT_CATEGORIES } from "@/lib/impact/categories";
import { stageProgress } from "./progress";

/** Gathers the counts stageProgress needs (the caller has already authorized the ticket). */
export async function getStageProgress(db: Db, ticket: { id: string; status: string; affectedUpn: string }) {
  const [extraUsers, domains, impactRated, steps, traceRows, advisories, sent, preventive, preventiveDone, mfa, outcome] = await Promise.all([
    db.affectedUser.count({ where: { ticketId: ticket.id, upn: { not: ticket.affectedUpn } } }),
    db.recipientDomain.count({ where: { ticketId: ticket.id } }),
    db.impactAssessment.count({ where: { ticketId: ticket.id, level: { not: "NONE" } } }),
    db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } }),
    db.messageTraceEntry.count({ where: { ticketId: ticket.id } }),
    db.advisory.count({ where: { ticketId: ticket.id } }),
    db.advisory.count({ where: { ticketId: ticket.id, status: { in: ["SENT", "ACKNOWLEDGED"] } } }),
    db.preventiveItem.count({ where: { ticketId: ticket.id } }),
    db.preventiveItem.count({ where: { ticketId: ticket.id, status: "DONE" } }),
    db.mfaCoverageCheck.count({ where: { ticketId: ticket.id } }),
    db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { outcomeSummary: true, closureReason: true } }),
  ]);
  return stageProgress({
    status: ticket.status,
    scope: { extraUsers, domains },
    impactRated,
    impactCategories: Object.keys(IMPACT_CATEGORIES).length,
    steps,
    traceRows,
    advisories: { total: advisories, sent },
    preventive: { total: preventive, done: preventiveDone },
    mfaChecked: mfa > 0,
    outcome: { summary: Boolean(outcome.outcomeSummary), closureReason: Boolean(outcome.closureReason) },
  });
}
