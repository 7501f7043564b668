import "server-only";
import type { Db } from "@/lib/db/create-client";
import { closeBlockers, type CloseBlocker } from "./close-gate";
import { closeWarnings } from "./close-warnings";
import { resolveWarnings } from "./resolve-warnings";

export type CloseReadiness = { blockers: CloseBlocker[]; warnings: string[] };

/** For a resolved ticket: what blocks closing, and what is still in progress (the caller authorized the ticket). */
export async function getCloseReadiness(db: Db, ticketId: string): Promise<CloseReadiness> {
  const [ticket, steps, advisories, preventive, mfa, trace, approvals] = await Promise.all([
    db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { outcomeSummary: true, closureReason: true, lessonsLearned: true } }),
    db.checklistStep.findMany({ where: { ticketId }, select: { key: true, state: true, reason: true } }),
    db.advisory.findMany({ where: { ticketId }, select: { status: true } }),
    db.preventiveItem.findMany({ where: { ticketId }, select: { status: true } }),
    db.mfaCoverageCheck.count({ where: { ticketId } }),
    db.messageTraceEntry.count({ where: { ticketId } }),
    db.approval.count({ where: { ticketId, status: "PENDING" } }),
  ]);
  return {
    blockers: closeBlockers(steps, { summary: ticket.outcomeSummary, closureReason: ticket.closureReason }),
    warnings: closeWarnings({
      advisories: { total: advisories.length, drafts: advisories.filter((a) => a.status === "DRAFTED").length },
      preventive: { total: preventive.length, open: preventive.filter((p) => p.status === "OPEN" || p.status === "IN_PROGRESS").length },
      mfaChecked: mfa > 0,
      traceRun: trace > 0,
      steps,
      lessonsLearned: Boolean(ticket.lessonsLearned?.trim()),
      pendingApprovals: approvals,
    }),
  };
}

/** For a ticket that can be resolved: what its Resolve confirmation warns about (the caller authorized the ticket). */
export async function getResolveWarnings(db: Db, ticket: { id: string; firstResponseAt: Date | null }): Promise<string[]> {
  const steps = await db.checklistStep.findMany({ where: { ticketId: ticket.id }, select: { key: true, state: true, reason: true } });
  return resolveWarnings(steps, { responded: Boolean(ticket.firstResponseAt) });
}
