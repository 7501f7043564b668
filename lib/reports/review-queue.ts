import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";

// The manager's reviews page: what waits for a decision, and — apart, labelled — what was
// decided lately. A report is in one list only: once resubmitted it waits again.

export const RECENT_DECISION_DAYS = 30;
const DAY = 86_400_000;

const ticketSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  reviewStatus: true,
  closedAt: true,
  tenant: { select: { displayName: true } },
  assignee: { select: { name: true } },
} as const;

export async function listReviewQueue(db: Db, viewer: Viewer, now = new Date()) {
  assertCan(viewer, "reports.review");
  const scope = ticketAccessFor(viewer);
  const [waiting, decisions] = await Promise.all([
    db.ticket.findMany({
      where: { AND: [scope, { status: "CLOSED", reviewStatus: "IN_REVIEW" }] },
      orderBy: { closedAt: "asc" },
      take: 200,
      select: { ...ticketSelect, reportVersions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } } },
    }),
    db.reportReview.findMany({
      where: {
        createdAt: { gte: new Date(now.getTime() - RECENT_DECISION_DAYS * DAY) },
        reportVersion: { ticket: { AND: [scope, { reviewStatus: { in: ["APPROVED", "RETURNED"] } }] } },
      },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        decision: true,
        createdAt: true,
        reviewer: { select: { name: true } },
        reportVersion: { select: { version: true, ticket: { select: ticketSelect } } },
      },
    }),
  ]);
  // A ticket's latest decision only.
  const seen = new Set<string>();
  const decided = decisions.filter((d) => !seen.has(d.reportVersion.ticket.id) && seen.add(d.reportVersion.ticket.id)).slice(0, 50);
  return {
    // The longest waiting first: since its version was submitted (closed or resubmitted).
    waiting: waiting
      .map(({ reportVersions, ...t }) => ({
        ...t,
        version: reportVersions[0]?.version ?? null,
        submittedAt: reportVersions[0]?.createdAt ?? t.closedAt,
      }))
      .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0)),
    decided: decided.map((d) => ({
      ...d.reportVersion.ticket,
      version: d.reportVersion.version,
      decision: d.decision,
      decidedAt: d.createdAt,
      reviewer: d.reviewer.name,
    })),
  };
}
