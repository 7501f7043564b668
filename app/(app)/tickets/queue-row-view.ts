import type { Severity, TicketStatus } from "@/generated/prisma/enums";
import type { QueueRow } from "@/lib/tickets/queries";
import { formatTicketNumber } from "@/lib/tickets/format";
import { slaReadings, type SlaClock } from "@/lib/tickets/sla";
import { formatRelative } from "@/lib/utils/dates";

/** One SLA clock as the queue cell needs it: state and milliseconds (the cell words them). */
export type ClockView = { state: SlaClock["state"]; elapsedMs: number; targetMs: number };

/**
 * A queue row as plain data for the client table (queue-rows.tsx): what the cells show and
 * nothing else, with the clocks and the relative time worked out here, on the server, so the
 * page's HTML and the browser's first render agree.
 */
export type QueueRowView = {
  id: string;
  number: string;
  title: string;
  account: string;
  tenant: string;
  severity: Severity;
  status: TicketStatus;
  returned: boolean;
  updated: boolean;
  assignee: string | null;
  openedAt: string;
  opened: string;
  firstResponse: ClockView;
  contain: ClockView | null;
};

const clockView = (c: SlaClock): ClockView => ({ state: c.state, elapsedMs: c.elapsedMs, targetMs: c.targetMs });

export function toQueueRowView(t: QueueRow, options: { showTenant: boolean; updated: boolean }, now = new Date()): QueueRowView {
  const clocks = slaReadings(t, now);
  return {
    id: t.id,
    number: formatTicketNumber(t.number),
    title: t.title,
    account: t.affectedUpn,
    tenant: options.showTenant ? t.tenant.displayName : "",
    severity: t.severity,
    status: t.status,
    returned: options.showTenant && t.reviewStatus === "RETURNED",
    updated: options.updated,
    assignee: t.assignee?.name ?? null,
    openedAt: t.createdAt.toISOString(),
    opened: formatRelative(t.createdAt, now),
    firstResponse: clockView(clocks.firstResponse),
    contain: clocks.contain ? clockView(clocks.contain) : null,
  };
}
