import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { describeEvent } from "./describe-event";

// A ticket's events from the audit log, newest first, a page at a time. Tenant admins see the
// customer-facing ones only. The caller has found the ticket for the viewer; the scope is in the
// where clause all the same.

const PUBLIC_ACTIONS = ["ticket.created", "ticket.status_changed", "ticket.assigned"];

export type TimelineEvent = { seq: string; at: Date; label: string; sentence: string; result: string; actor: string | null };

export async function listTicketEvents(db: Db, viewer: Viewer, ticketId: string, page: { take: number; before?: bigint | null }) {
  const isStaff = hasPermission(viewer.role, "comments.readInternal");
  const visible = isStaff ? {} : { action: { in: PUBLIC_ACTIONS } };
  // The page of events and the total as a relation and a relation count of the ticket: one statement.
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] },
    select: {
      _count: { select: { auditEvents: { where: visible } } },
      auditEvents: {
        where: { ...visible, ...(page.before ? { seq: { lt: page.before } } : {}) },
        orderBy: { seq: "desc" },
        select: { seq: true, at: true, action: true, result: true, target: true, details: true, actor: { select: { name: true } } },
        take: page.take + 1,
      },
    },
  });
  const rows = ticket?.auditEvents ?? [];
  const total = ticket?._count.auditEvents ?? 0;
  const events: TimelineEvent[] = rows.slice(0, page.take).map((e) => {
    const { label, sentence } = describeEvent(e);
    return { seq: String(e.seq), at: e.at, label, sentence, result: e.result, actor: e.actor?.name ?? null };
  });
  return { events, total, olderBefore: rows.length > page.take ? events.at(-1)!.seq : null };
}
