import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { SEED_RECOMMENDATIONS } from "@/lib/preventive/recommendations";

/** The ticket fields the derived readings need beside its facts (the page has read them already). */
export type FactsTicket = {
  id: string;
  status: string;
  affectedUpn: string;
  outcomeSummary: string | null;
  lessonsLearned: string | null;
  closureReason: string | null;
};

export type TicketFacts = {
  extraUsers: number;
  domains: number;
  externalDomains: number;
  assessed: number;
  affected: number;
  /** doneAtMs: when a step was done, in epoch milliseconds (JSON has no timestamps). */
  steps: { key: string; state: string; reason: string | null; doneAtMs: number | null }[];
  traceRows: number;
  advisories: number;
  sent: number;
  preventive: number;
  open: number;
  touched: number;
  mfaChecks: number;
  /** Advisories still drafts, and approvals nobody has decided yet: what closing warns about. */
  drafts: number;
  pendingApprovals: number;
  /** Report versions: none until the ticket is first closed (the header then has no report to show). */
  reportVersions: number;
};

/**
 * What the ticket's work rows add up to, in one round trip: the stage tabs, the next action, the
 * Resolve and Close warnings all derive from it, so a ticket page reads them once (cached for the
 * request) instead of a dozen reads, several of them twice. The caller has authorized the ticket.
 */
export const readTicketFacts = cache(async (db: Db, ticketId: string, affectedUpn: string): Promise<TicketFacts> => {
  // The recommendations every ticket is filed with start nothing until the engineer changes them.
  const seed = Prisma.join([...SEED_RECOMMENDATIONS]);
  const rows = await db.$queryRaw<TicketFacts[]>`
    SELECT
      (SELECT count(*)::int FROM "AffectedUser" WHERE "ticketId" = ${ticketId} AND upn <> ${affectedUpn}) AS "extraUsers",
      (SELECT count(*)::int FROM "RecipientDomain" WHERE "ticketId" = ${ticketId}) AS domains,
      (SELECT count(*)::int FROM "RecipientDomain" WHERE "ticketId" = ${ticketId} AND NOT "isInternal") AS "externalDomains",
      (SELECT count(*)::int FROM "ImpactAssessment" WHERE "ticketId" = ${ticketId}) AS assessed,
      (SELECT count(*)::int FROM "ImpactAssessment" WHERE "ticketId" = ${ticketId} AND level <> 'NONE') AS affected,
      (SELECT coalesce(json_agg(json_build_object('key', key, 'state', state, 'reason', reason, 'doneAtMs', (extract(epoch FROM "doneAt") * 1000)::bigint)), '[]'::json)
         FROM "ChecklistStep" WHERE "ticketId" = ${ticketId}) AS steps,
      (SELECT count(*)::int FROM "MessageTraceEntry" WHERE "ticketId" = ${ticketId}) AS "traceRows",
      (SELECT count(*)::int FROM "Advisory" WHERE "ticketId" = ${ticketId}) AS advisories,
      (SELECT count(*)::int FROM "Advisory" WHERE "ticketId" = ${ticketId} AND status IN ('SENT', 'ACKNOWLEDGED')) AS sent,
      (SELECT count(*)::int FROM "PreventiveItem" WHERE "ticketId" = ${ticketId}) AS preventive,
      (SELECT count(*)::int FROM "PreventiveItem" WHERE "ticketId" = ${ticketId} AND status IN ('OPEN', 'IN_PROGRESS')) AS open,
      (SELECT count(*)::int FROM "PreventiveItem" WHERE "ticketId" = ${ticketId}
         AND (status <> 'OPEN' OR coalesce(owner, '') <> '' OR "dueAt" IS NOT NULL OR coalesce(notes, '') <> '' OR title NOT IN (${seed}))) AS touched,
      (SELECT count(*)::int FROM "MfaCoverageCheck" WHERE "ticketId" = ${ticketId}) AS "mfaChecks",
      (SELECT count(*)::int FROM "Advisory" WHERE "ticketId" = ${ticketId} AND status = 'DRAFTED') AS drafts,
      (SELECT count(*)::int FROM "Approval" WHERE "ticketId" = ${ticketId} AND status = 'PENDING') AS "pendingApprovals",
      (SELECT count(*)::int FROM "ReportVersion" WHERE "ticketId" = ${ticketId}) AS "reportVersions"`;
  return rows[0]!;
});
