import "server-only";
import type { Db } from "@/lib/db/create-client";
import { IMPACT_CATEGORIES } from "@/lib/impact/categories";
import { readTicketFacts, type FactsTicket } from "./ticket-facts";
import { stageProgress } from "./progress";

/** Each stage's state on the ticket page's tabs and summary. */
export async function getStageProgress(db: Db, ticket: FactsTicket) {
  const facts = await readTicketFacts(db, ticket.id, ticket.affectedUpn);
  const written = (v: string | null) => Boolean(v?.trim());
  return stageProgress({
    status: ticket.status,
    scope: { extraUsers: facts.extraUsers, domains: facts.domains },
    impact: { assessed: facts.assessed, affected: facts.affected, categories: Object.keys(IMPACT_CATEGORIES).length },
    steps: facts.steps,
    traceRows: facts.traceRows,
    externalDomains: facts.externalDomains,
    advisories: { total: facts.advisories, sent: facts.sent },
    preventive: { total: facts.preventive, open: facts.open, touched: facts.touched },
    mfaChecked: facts.mfaChecks > 0,
    outcome: {
      summary: written(ticket.outcomeSummary),
      lessons: written(ticket.lessonsLearned),
      closureReason: written(ticket.closureReason),
    },
  });
}
