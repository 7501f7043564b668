import "server-only";
import type { Db } from "@/lib/db/create-client";
import { closeBlockers, type CloseBlocker } from "./close-gate";
import { closeWarnings } from "./close-warnings";
import { resolveWarnings } from "./resolve-warnings";
import { readTicketFacts, type FactsTicket } from "./ticket-facts";

export type CloseReadiness = { blockers: CloseBlocker[]; warnings: string[] };

/** For a resolved ticket: what blocks closing, and what is still in progress (the caller authorized the ticket). */
export async function getCloseReadiness(db: Db, ticket: FactsTicket): Promise<CloseReadiness> {
  const facts = await readTicketFacts(db, ticket.id, ticket.affectedUpn);
  return {
    blockers: closeBlockers(facts.steps, { summary: ticket.outcomeSummary, closureReason: ticket.closureReason }),
    warnings: closeWarnings({
      advisories: { total: facts.advisories, drafts: facts.drafts },
      preventive: { total: facts.preventive, open: facts.open },
      mfaChecked: facts.mfaChecks > 0,
      traceRun: facts.traceRows > 0,
      steps: facts.steps,
      lessonsLearned: Boolean(ticket.lessonsLearned?.trim()),
      pendingApprovals: facts.pendingApprovals,
    }),
  };
}

/** For a ticket that can be resolved: what its Resolve confirmation warns about (the caller authorized the ticket). */
export async function getResolveWarnings(
  db: Db,
  ticket: { id: string; affectedUpn: string; firstResponseAt: Date | null },
): Promise<string[]> {
  const { steps } = await readTicketFacts(db, ticket.id, ticket.affectedUpn);
  return resolveWarnings(steps, { responded: Boolean(ticket.firstResponseAt) });
}
