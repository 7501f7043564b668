import "server-only";
import { cache } from "react";
import { assertCan } from "@/lib/auth/assert-can";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { KIND_LABELS, kindsForRole, pathOf, type NotificationKind } from "./kinds";

// A viewer's own notifications, and only about tickets they may still see (an engineer who no
// longer serves a tenant stops seeing what they were told about it).

const mine = (viewer: Viewer) => ({ userId: viewer.id, ticket: ticketAccessFor(viewer) });

export async function listNotifications(db: Db, viewer: Viewer, options: { take?: number } = {}) {
  assertCan(viewer, "notifications.read");
  const rows = await db.notification.findMany({
    where: mine(viewer),
    orderBy: { createdAt: "desc" },
    take: options.take ?? 10,
    select: { id: true, kind: true, summary: true, ticketId: true, createdAt: true, readAt: true },
  });
  return rows.map((r) => ({ ...r, href: pathOf(r.kind as NotificationKind, r.ticketId) }));
}

/**
 * The header's notifications menu: the unread count and the latest few, in one statement (the
 * viewer's row with a relation count and the relation), since every page shows it. Cached for
 * the request: the ticket page asks it too, to skip marking read when nothing is unread.
 */
export const getNotificationBar = cache(async (db: Db, viewer: Viewer, take = 8) => {
  assertCan(viewer, "notifications.read");
  const mineHere = { ticket: ticketAccessFor(viewer) };
  const user = await db.user.findUnique({
    where: { id: viewer.id },
    select: {
      _count: { select: { notifications: { where: { ...mineHere, readAt: null } } } },
      notifications: {
        where: mineHere,
        orderBy: { createdAt: "desc" },
        take,
        select: { id: true, kind: true, summary: true, ticketId: true, createdAt: true, readAt: true },
      },
    },
  });
  const items = (user?.notifications ?? []).map((r) => ({ ...r, href: pathOf(r.kind as NotificationKind, r.ticketId) }));
  return { unread: user?._count.notifications ?? 0, items };
});

/** Of these tickets, those the viewer has unread notifications about (the "Updated" marker). */
export async function ticketsWithUnread(db: Db, viewer: Viewer, ticketIds: string[]): Promise<Set<string>> {
  if (ticketIds.length === 0 || !hasPermission(viewer.role, "notifications.read")) return new Set();
  const rows = await db.notification.findMany({
    where: { ...mine(viewer), readAt: null, ticketId: { in: ticketIds } },
    distinct: ["ticketId"],
    select: { ticketId: true },
  });
  return new Set(rows.map((r) => r.ticketId));
}

/** The kinds this viewer's role can receive, each with its two switches (on unless turned off). */
export async function getNotificationPreferences(db: Db, viewer: Viewer) {
  assertCan(viewer, "notifications.read");
  const saved = await db.notificationPreference.findMany({
    where: { userId: viewer.id },
    select: { kind: true, inApp: true, email: true },
  });
  return kindsForRole(viewer.role).map((kind) => {
    const row = saved.find((s) => s.kind === kind);
    return { kind, label: KIND_LABELS[kind], inApp: row?.inApp ?? true, email: row?.email ?? true };
  });
}

/** Reports waiting for this manager's decision (the "Reviews N" count). */
export async function countReviewsWaiting(db: Db, viewer: Viewer): Promise<number> {
  if (!hasPermission(viewer.role, "reports.review")) return 0;
  return db.ticket.count({ where: { AND: [ticketAccessFor(viewer), { status: "CLOSED", reviewStatus: "IN_REVIEW" }] } });
}

/** Mail that went out (or, without SMTP, would have): newest first, for platform admins. */
export async function listOutgoingMail(db: Db, viewer: Viewer, options: { take?: number } = {}) {
  assertCan(viewer, "mail.viewOutgoing");
  return db.outgoingMail.findMany({
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
