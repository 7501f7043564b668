import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { getMailEnv } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { formatTicketNumber } from "@/lib/tickets/format";
import { kindsForRole, pathOf, summarize, type NotificationKind } from "./kinds";
import { sendMailJob } from "./jobs";
import { recipientsWhere } from "./recipients";
import { renderMail } from "./render-mail";

// Telling people about an event, inside the transaction that records the event: the
// notifications (and the mails to send) exist exactly when the event does. The mail itself goes
// out later, from a job, so a slow or broken SMTP server never holds up or fails the action.

export type TicketEvent = {
  /** null: nothing to tell (lets a caller pass a mapping in one line). */
  kind: NotificationKind | null;
  ticketId: string;
  actorId: string | null;
  /** A version number or a step's name, for the summary. */
  detail?: string | null;
  /** ticket.assigned: who was assigned. */
  assignedToId?: string | null;
};

export async function notifyTicketEvent(tx: Prisma.TransactionClient, event: TicketEvent): Promise<{ notified: number; mails: number }> {
  const kind = event.kind;
  if (!kind) return { notified: 0, mails: 0 };
  const [ticket, actor] = await Promise.all([
    tx.ticket.findUniqueOrThrow({ where: { id: event.ticketId }, select: { id: true, number: true, tenantId: true, assigneeId: true } }),
    event.actorId ? tx.user.findUnique({ where: { id: event.actorId }, select: { name: true, role: true } }) : null,
  ]);
  const recipients = await tx.user.findMany({
    where: recipientsWhere(kind, {
      tenantId: ticket.tenantId,
      assigneeId: ticket.assigneeId,
      actorId: event.actorId,
      actorRole: actor?.role ?? null,
      assignedToId: event.assignedToId,
    }),
    select: { id: true, name: true, email: true, notificationPrefs: { where: { kind }, select: { inApp: true, email: true } } },
  });
  if (recipients.length === 0) return { notified: 0, mails: 0 };
  const summary = summarize({
    kind,
    ticketNumber: formatTicketNumber(ticket.number),
    actorName: actor?.name ?? null,
    detail: event.detail,
  });
  const rows = recipients
    .filter((r) => r.notificationPrefs[0]?.inApp !== false)
    .map((r) => ({ id: randomUUID(), userId: r.id, kind, ticketId: ticket.id, summary }));
  if (rows.length) await tx.notification.createMany({ data: rows });

  const mail = getMailEnv();
  if (mail.mode === "off") return { notified: rows.length, mails: 0 };
  const url = `${mail.baseUrl}${pathOf(kind, ticket.id)}`;
  const preferencesUrl = `${mail.baseUrl}/notifications`;
  const mails = recipients
    .filter((r) => r.notificationPrefs[0]?.email !== false)
    .map((r) => ({
      id: randomUUID(),
      notificationId: rows.find((n) => n.userId === r.id)?.id ?? null,
      ticketId: ticket.id,
      toAddress: r.email,
      status: mail.mode === "smtp" ? "QUEUED" : "STORED",
      ...renderMail({ recipientName: r.name, summary, url, preferencesUrl }),
    }));
  if (mails.length) await tx.outgoingMail.createMany({ data: mails });
  if (mail.mode === "smtp") {
    for (const m of mails) await enqueueJob(sendMailJob, { mailId: m.id, ticketId: ticket.id }, { tx });
  }
  return { notified: rows.length, mails: mails.length };
}

/** Assignment tells the tenant when a new incident is picked up, and the assignee when someone else assigned them. */
export async function notifyAssignment(
  tx: Prisma.TransactionClient,
  a: { ticketId: string; actorId: string; assigneeId: string | null; pickedUp: boolean },
) {
  if (a.pickedUp) await notifyTicketEvent(tx, { kind: "ticket.picked-up", ticketId: a.ticketId, actorId: a.actorId });
  if (a.assigneeId && a.assigneeId !== a.actorId)
    await notifyTicketEvent(tx, { kind: "ticket.assigned", ticketId: a.ticketId, actorId: a.actorId, assignedToId: a.assigneeId });
}

/** The workflow transitions people hear about. */
export function kindOfTransition(transition: string): NotificationKind | null {
  return transition === "triage"
    ? "ticket.picked-up"
    : transition === "resolve"
      ? "ticket.resolved"
      : transition === "close"
        ? "report.submitted"
        : null;
}

// The reader's side: marking read and choosing what to hear about. Each touches only the
// viewer's own rows (userId in the where), so another person's id changes nothing.

export async function markNotificationsRead(db: Db, viewer: Viewer, input: { ids?: string[]; ticketId?: string; all?: boolean }) {
  assertCan(viewer, "notifications.read");
  if (!input.all && !input.ids?.length && !input.ticketId) return { count: 0 };
  return db.notification.updateMany({
    where: {
      userId: viewer.id,
      readAt: null,
      ...(input.all ? {} : input.ticketId ? { ticketId: input.ticketId } : { id: { in: input.ids } }),
    },
    data: { readAt: new Date() },
  });
}

export async function saveNotificationPreferences(
  db: Db,
  viewer: Viewer,
  prefs: { kind: NotificationKind; inApp: boolean; email: boolean }[],
) {
  assertCan(viewer, "notifications.read");
  const allowed = new Set(kindsForRole(viewer.role));
  const refused = prefs.find((p) => !allowed.has(p.kind));
  if (refused) throw new AppError("INVALID_INPUT", "That kind of notification does not apply to your role.");
  await db.$transaction(
    prefs.map((p) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId: viewer.id, kind: p.kind } },
        create: { userId: viewer.id, ...p },
        update: { inApp: p.inApp, email: p.email },
      }),
    ),
  );
}
