import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketScopeFor } from "@/lib/tickets/scope";
import type { ConsentFinding, DomainSummary, MethodFinding, RuleFinding, SignInFinding } from "./findings";

export type SnapshotFindings = {
  signIns: { homeCountry: string | null; flagged: SignInFinding[] } | null;
  inboxRules: RuleFinding[] | null;
  authMethods: MethodFinding[] | null;
  consents: ConsentFinding[] | null;
  risk: { riskLevel: string; riskState: string } | null;
  recipientDomains: DomainSummary[] | null;
};

export async function getLatestSnapshot(db: Db, viewer: Viewer, ticketId: string) {
  const row = await db.investigationSnapshot.findFirst({
    where: { ticketId, ticket: ticketScopeFor(viewer) },
    orderBy: { takenAt: "desc" },
    select: { id: true, takenAt: true, findings: true, gaps: true, requestIds: true },
  });
  return row ? { ...row, findings: row.findings as unknown as SnapshotFindings, gaps: (row.gaps ?? {}) as Record<string, string> } : null;
}
