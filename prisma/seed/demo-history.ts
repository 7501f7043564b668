// The demo tickets' history as audit events, so their timelines read like worked tickets. Events
// are written oldest first across all tickets, so the hash chain's order is also time order.
import type { TicketStatus } from "@/generated/prisma/enums";
import { recordAuditEvent, type AuditInput } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { RECOMMENDED_ACTION, SEED_RECOMMENDATIONS } from "@/lib/preventive/recommendations";
import { formatTicketNumber } from "@/lib/tickets/format";

export type SeededTicket = {
  id: string;
  number: number;
  tenantId: string;
  reporterId: string;
  severity: string;
  status: TicketStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  containedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  assignee: { id: string; name: string } | null;
  /** Further events of the ticket's work (checklist steps settled), at their own times. */
  events?: AuditInput[];
};

const ORDER: TicketStatus[] = ["NEW", "TRIAGED", "CONTAINED", "RESOLVED", "CLOSED"];

/** What happened to one seeded ticket, in order. */
export function historyOf(t: SeededTicket): AuditInput[] {
  const base = { tenantId: t.tenantId, ticketId: t.id, target: formatTicketNumber(t.number) };
  const events: AuditInput[] = [
    { ...base, actorId: t.reporterId, at: t.createdAt, action: "ticket.created", details: { severity: t.severity } },
    { ...base, actorId: t.reporterId, at: t.createdAt, action: RECOMMENDED_ACTION, details: { titles: [...SEED_RECOMMENDATIONS] } },
  ];
  const actor = t.assignee?.id ?? null;
  const reached = (s: TicketStatus) => ORDER.indexOf(t.status) >= ORDER.indexOf(s);
  if (t.assignee && t.firstResponseAt) {
    events.push({ ...base, actorId: actor, at: t.firstResponseAt, action: "ticket.assigned", details: { assignee: t.assignee.name } });
    events.push({
      ...base,
      actorId: actor,
      at: t.firstResponseAt,
      action: "ticket.status_changed",
      details: { from: "NEW", to: "TRIAGED", note: "Picked up" },
    });
    events.push({ ...base, actorId: actor, at: t.firstResponseAt, action: "comment.added", details: { visibility: "PUBLIC" } });
  }
  const steps: [TicketStatus, TicketStatus, Date | null][] = [
    ["TRIAGED", "CONTAINED", t.containedAt],
    ["CONTAINED", "RESOLVED", t.resolvedAt],
    ["RESOLVED", "CLOSED", t.closedAt],
  ];
  for (const [from, to, at] of steps) {
    if (at && reached(to)) events.push({ ...base, actorId: actor, at, action: "ticket.status_changed", details: { from, to } });
  }
  return [...events, ...(t.events ?? [])];
}

export async function seedHistory(db: Db, tickets: SeededTicket[]) {
  const events = tickets.flatMap(historyOf).sort((a, b) => a.at!.getTime() - b.at!.getTime());
  await db.$transaction(async (tx) => {
    for (const e of events) await recordAuditEvent(tx, e);
  });
}
