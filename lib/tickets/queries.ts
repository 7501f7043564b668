import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { Severity } from "@/generated/prisma/enums";
import { parseTicketNumber } from "./format";
import { SLA_TARGETS_MINUTES } from "./sla";
import { QUEUE_PAGE_SIZE, type TTicketListQuery } from "./schemas";
import { tenantAccessFor, ticketAccessFor } from "@/lib/auth/ticket-access";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

const queueRowSelect = {
  id: true,
  number: true,
  title: true,
  affectedUpn: true,
  severity: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  firstResponseAt: true,
  containedAt: true,
  resolvedAt: true,
  closedAt: true,
  reviewStatus: true,
  tenant: { select: { id: true, displayName: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.TicketSelect;

export type QueueRow = Prisma.TicketGetPayload<{ select: typeof queueRowSelect }>;

function searchWhere(q: string): Prisma.TicketWhereInput {
  const number = parseTicketNumber(q);
  return {
    OR: [...(number ? [{ number }] : []), { title: { contains: q, mode: "insensitive" } }, { affectedUpn: { contains: q.toLowerCase() } }],
  };
}

/** A clock counts as at risk past three quarters of its target (lib/tickets/sla.ts). */
const AT_RISK = 0.75;

/** Open tickets with an SLA clock still running past AT_RISK of its target (or breached), by severity. */
function slaAtRiskWhere(now: Date): Prisma.TicketWhereInput {
  const before = (minutes: number) => new Date(now.getTime() - AT_RISK * minutes * 60_000);
  return {
    resolvedAt: null,
    closedAt: null,
    OR: Object.entries(SLA_TARGETS_MINUTES).flatMap(([severity, target]) => [
      { severity: severity as Severity, firstResponseAt: null, createdAt: { lt: before(target.firstResponse) } },
      { severity: severity as Severity, containedAt: null, createdAt: { lt: before(target.contain) } },
    ]),
  };
}

/** The saved views' conditions: mine, unassigned, SLA at risk, reports returned to the engineer. */
function viewWhere(view: TTicketListQuery["view"], viewer: Viewer, now: Date): Prisma.TicketWhereInput {
  switch (view) {
    case "mine":
      return { assigneeId: viewer.id };
    case "unassigned":
      return { assigneeId: null, status: { not: "CLOSED" } };
    case "sla":
      return slaAtRiskWhere(now);
    case "returned":
      return { reviewStatus: "RETURNED" };
    default:
      return {};
  }
}

/** One page of the queue, newest first, paged by ticket number (keyset, never OFFSET). */
export async function listTickets(db: Db, viewer: Viewer, query: TTicketListQuery, pageSize = QUEUE_PAGE_SIZE, now = new Date()) {
  const assigneeId = query.assignee === "me" ? viewer.id : query.assignee === "unassigned" ? null : query.assignee;
  const where: Prisma.TicketWhereInput = {
    AND: [
      ticketAccessFor(viewer),
      query.status ? { status: query.status } : {},
      query.severity ? { severity: query.severity } : {},
      query.tenantId ? { tenantId: query.tenantId } : {},
      query.assignee ? { assigneeId } : {},
      query.q ? searchWhere(query.q) : {},
      viewWhere(query.view, viewer, now),
      query.before ? { number: { lt: query.before } } : {},
    ],
  };
  const rows = await db.ticket.findMany({ where, select: queueRowSelect, orderBy: { number: "desc" }, take: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextBefore: rows.length > pageSize && last ? last.number : null };
}

const ticketDetailSelect = {
  ...queueRowSelect,
  symptoms: true,
  symptomsNote: true,
  detectedAt: true,
  version: true,
  resolvedAt: true,
  closedAt: true,
  reviewStatus: true,
  containedAt: true,
  personalDataInvolved: true,
  notificationDeadline: true,
  outcomeSummary: true,
  lessonsLearned: true,
  closureReason: true,
  tenantId: true,
  tenant: { select: { id: true, displayName: true, primaryDomain: true, serviceMailbox: true, disconnectedAt: true } },
  reporter: { select: { id: true, name: true, email: true } },
} satisfies Prisma.TicketSelect;

export type TicketDetail = Prisma.TicketGetPayload<{ select: typeof ticketDetailSelect }>;

export async function getTicketOrThrow(db: Db, viewer: Viewer, ticketId: string): Promise<TicketDetail> {
  const ticket = await getTicketForViewer(db, viewer, ticketId, ticketDetailSelect);
  return ticket;
}

/** Updates shown on a ticket unless all are asked for: a long ticket stays quick to open. */
export const LATEST_COMMENTS = 50;

/** The ticket's comments the viewer may read, oldest first: the latest LATEST_COMMENTS, or all. */
export async function listComments(db: Db, viewer: Viewer, ticketId: string, options: { all?: boolean } = {}) {
  const canSeeInternal = hasPermission(viewer.role, "comments.readInternal");
  const where: Prisma.CommentWhereInput = {
    ticketId,
    ticket: ticketAccessFor(viewer),
    ...(canSeeInternal ? {} : { visibility: "PUBLIC" }),
  };
  const [latest, total] = await Promise.all([
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.all ? undefined : LATEST_COMMENTS,
      select: { id: true, body: true, visibility: true, createdAt: true, author: { select: { id: true, name: true, role: true } } },
    }),
    db.comment.count({ where }),
  ]);
  return { comments: latest.reverse(), total };
}

/**
 * Other open incidents for the same account: likely duplicates to flag on a ticket, or to offer
 * before filing (no id yet).
 */
export async function findOpenDuplicates(db: Db, viewer: Viewer, ticket: { id?: string; tenantId: string; affectedUpn: string }) {
  return db.ticket.findMany({
    where: {
      AND: [
        ticketAccessFor(viewer),
        { tenantId: ticket.tenantId, affectedUpn: ticket.affectedUpn.toLowerCase(), status: { not: "CLOSED" } },
        ticket.id ? { id: { not: ticket.id } } : {},
      ],
    },
    select: { id: true, number: true, status: true },
    orderBy: { number: "desc" },
    take: 5,
  });
}

/** Options for the queue's filters. */
export async function listQueueFilterOptions(db: Db, viewer: Viewer) {
  const [tenants, engineers] = await Promise.all([
    db.tenant.findMany({ where: tenantAccessFor(viewer), select: { id: true, displayName: true }, orderBy: { displayName: "asc" } }),
    db.user.findMany({
      where: { role: { in: ["ENGINEER", "PLATFORM_ADMIN"] }, isActive: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { tenants, engineers };
}
