import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { notifyTicketEvent } from "@/lib/notifications/service";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { changedSections } from "./compare";
import type { Report } from "./compose-report";
import { renderMarkdown } from "./render-markdown";
import { snapshotReport } from "./snapshot";
import { withoutInternalEvidence } from "./tenant-view";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// Who may read which report: staff with reports.read read every version; a tenant admin reads
// the latest APPROVED version of their own tenant's incidents — also while the ticket is reopened
// or a newer version waits for review — and nothing else ("not found").

const versionSelect = {
  id: true,
  version: true,
  createdAt: true,
  markdown: true,
  content: true,
  reviews: {
    orderBy: { createdAt: "asc" },
    select: { decision: true, comments: true, createdAt: true, reviewer: { select: { name: true } } },
  },
} as const;

export async function getReportForViewer(db: Db, viewer: Viewer, ticketId: string) {
  assertCan(viewer, "reports.read");
  const ticket = await getTicketForViewer(
    db,
    viewer,
    ticketId,
    { id: true, number: true, title: true, status: true, reviewStatus: true, tenantId: true },
    "Report",
  );
  const versions = await db.reportVersion.findMany({ where: { ticketId: ticket.id }, orderBy: { version: "desc" }, select: versionSelect });
  const isTenantAdmin = viewer.role === "TENANT_ADMIN";
  const visible = isTenantAdmin
    ? versions
        .filter((v) => v.reviews.some((r) => r.decision === "APPROVED"))
        .slice(0, 1)
        // The manager's words are for the engineer; the tenant sees that it was approved.
        .map((v) => ({ ...v, reviews: v.reviews.filter((r) => r.decision === "APPROVED").map((r) => ({ ...r, comments: null })) }))
    : versions;
  if (visible.length === 0) throw notFoundError("Report");
  const shown = visible.map((v) => ({ ...v, content: v.content as unknown as Report }));
  return {
    ticket,
    latestVersion: versions[0]!.version,
    // Older versions may name internal evidence: the tenant's copy is re-rendered without it.
    versions: isTenantAdmin
      ? shown
          .map((v) => ({ ...v, content: withoutInternalEvidence(v.content) }))
          .map((v) => ({ ...v, markdown: renderMarkdown(v.content) }))
      : shown,
  };
}

/**
 * The manager's decision on the version they were looking at. Decided in one transaction by a
 * conditional update: a second decision, or one on a version that is no longer the one in
 * review, is a CONFLICT rather than a second verdict.
 */
export async function reviewReport(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; version: number; decision: "APPROVED" | "RETURNED"; comments?: string },
) {
  assertCan(viewer, "reports.review");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, { id: true, number: true, tenantId: true }, "Report");
  const comments = input.comments?.trim() || null;
  if (input.decision === "RETURNED" && !comments)
    throw new AppError("INVALID_INPUT", "Say what the engineer should change.", { field: "comments" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, status: "CLOSED", reviewStatus: "IN_REVIEW" },
      data: { reviewStatus: input.decision, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    // Read after the update holds the ticket's row lock: a resubmission cannot slip in between.
    const latest = await tx.reportVersion.findFirst({
      where: { ticketId: ticket.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true },
    });
    if (!latest || latest.version !== input.version) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await tx.reportReview.create({ data: { reportVersionId: latest.id, reviewerId: viewer.id, decision: input.decision, comments } });
    await recordTicketEvent(tx, viewer.id, ticket, {
      action: `report.${input.decision.toLowerCase()}`,
      details: { version: latest.version, comments },
    });
    await notifyTicketEvent(tx, {
      kind: input.decision === "APPROVED" ? "report.approved" : "report.returned",
      ticketId: ticket.id,
      actorId: viewer.id,
      detail: String(latest.version),
    });
  });
}

/**
 * After a return, the engineer revises the report's narrative on the closed ticket and resubmits:
 * a new version goes to review. A version that changes nothing but its timeline is refused.
 */
export async function resubmitReport(db: Db, viewer: Viewer, input: { ticketId: string }) {
  assertCan(viewer, "tickets.work");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, {
    id: true,
    number: true,
    tenantId: true,
    reviewStatus: true,
    status: true,
  });
  if (ticket.status !== "CLOSED" || ticket.reviewStatus !== "RETURNED") {
    throw new AppError(
      "INVALID_STATE",
      "Only a returned report of a closed ticket can be resubmitted. A reopened ticket submits its new version when it is closed again.",
    );
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, status: "CLOSED", reviewStatus: "RETURNED" },
      data: { reviewStatus: "IN_REVIEW", version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    const previous = await tx.reportVersion.findFirstOrThrow({
      where: { ticketId: ticket.id },
      orderBy: { version: "desc" },
      select: { version: true, content: true },
    });
    await recordTicketEvent(tx, viewer.id, ticket, { action: "report.resubmitted", details: { version: previous.version + 1 } });
    const next = await snapshotReport(tx, { ticketId: ticket.id, actorId: viewer.id });
    const changed = changedSections(previous.content as unknown as Report, next.report);
    await notifyTicketEvent(tx, { kind: "report.submitted", ticketId: ticket.id, actorId: viewer.id, detail: String(next.version) });
    if (changed.length === 0) {
      throw new AppError(
        "INVALID_STATE",
        `Nothing in the report changed since version ${previous.version} was returned. Revise the outcome below, or reopen the ticket to change its data.`,
      );
    }
    return { version: next.version, changed };
  });
}

/**
 * Where the ticket's report stands, for the ticket page: the latest version, the latest approved
 * one (what the tenant reads), and — for staff only — the latest manager decision with comments.
 */
export async function getReportStanding(db: Db, viewer: Viewer, ticketId: string) {
  const isStaff = hasPermission(viewer.role, "tickets.work") || hasPermission(viewer.role, "reports.review");
  // A ticket has a handful of versions, each with a review or two: read them all in one statement
  // (it shows on every ticket page) and pick the latest, the latest approved and the latest review.
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] },
    select: {
      reportVersions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          reviews: {
            orderBy: { createdAt: "desc" },
            select: { decision: true, comments: true, createdAt: true, reviewer: { select: { name: true } } },
          },
        },
      },
    },
  });
  const versions = ticket?.reportVersions ?? [];
  const approved = versions.find((v) => v.reviews.some((r) => r.decision === "APPROVED"));
  const reviews = versions.flatMap((v) => v.reviews.map((r) => ({ ...r, reportVersion: { version: v.version } })));
  const latestReview = isStaff ? (reviews.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null) : null;
  return { latestVersion: versions[0]?.version ?? null, approvedVersion: approved?.version ?? null, latestReview };
}
