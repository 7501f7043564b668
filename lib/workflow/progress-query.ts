import "server-only";
import type { Db } from "@/lib/db/create-client";
import { IMPACT_CATEGORIES } from "@/lib/impact/categories";
import { SEED_RECOMMENDATIONS } from "@/lib/preventive/recommendations";
import { stageProgress } from "./progress";

const SEED = new Set<string>(SEED_RECOMMENDATIONS);

/** Gathers the facts stageProgress needs (the caller has already authorized the ticket). Small lists, read whole. */
export async function getStageProgress(db: Db, ticket: { id: string; status: string; affectedUpn: string }) {
  const ticketId = ticket.id;
  const [extraUsers, domains, impacts, steps, traceRows, advisories, preventive, mfa, outcome] = await Promise.all([
    db.affectedUser.count({ where: { ticketId, upn: { not: ticket.affectedUpn } } }),
    db.recipientDomain.findMany({ where: { ticketId }, select: { isInternal: true } }),
    db.impactAssessment.findMany({ where: { ticketId }, select: { level: true } }),
    db.checklistStep.findMany({ where: { ticketId }, select: { key: true, state: true, reason: true } }),
    db.messageTraceEntry.count({ where: { ticketId } }),
    db.advisory.findMany({ where: { ticketId }, select: { status: true } }),
    db.preventiveItem.findMany({ where: { ticketId }, select: { title: true, status: true, owner: true, dueAt: true, notes: true } }),
    db.mfaCoverageCheck.count({ where: { ticketId } }),
    db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { outcomeSummary: true, lessonsLearned: true, closureReason: true } }),
  ]);
  const written = (v: string | null) => Boolean(v?.trim());
  return stageProgress({
    status: ticket.status,
    scope: { extraUsers, domains: domains.length },
    impact: {
      assessed: impacts.length,
      affected: impacts.filter((i) => i.level !== "NONE").length,
      categories: Object.keys(IMPACT_CATEGORIES).length,
    },
    steps,
    traceRows,
    externalDomains: domains.filter((d) => !d.isInternal).length,
    advisories: { total: advisories.length, sent: advisories.filter((a) => a.status === "SENT" || a.status === "ACKNOWLEDGED").length },
    preventive: {
      total: preventive.length,
      open: preventive.filter((p) => p.status === "OPEN" || p.status === "IN_PROGRESS").length,
      // The recommendations every ticket is filed with start nothing until the engineer changes them.
      touched: preventive.filter((p) => p.status !== "OPEN" || p.owner || p.dueAt || p.notes || !SEED.has(p.title)).length,
    },
    mfaChecked: mfa > 0,
    outcome: {
      summary: written(outcome.outcomeSummary),
      lessons: written(outcome.lessonsLearned),
      closureReason: written(outcome.closureReason),
    },
  });
}
