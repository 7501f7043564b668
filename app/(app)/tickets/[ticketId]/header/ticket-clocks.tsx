import { SlaText } from "@/components/sla-text";
import type { TicketDetail } from "@/lib/tickets/queries";
import { slaReadings } from "@/lib/tickets/sla";

/** Both SLA clocks, and where the manager's review stands once there is one. */
export function TicketClocks({ ticket }: { ticket: TicketDetail }) {
  const clocks = slaReadings(ticket);
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1" aria-label="SLA clocks" role="group">
      <SlaText label="First response" clock={clocks.firstResponse} />
      {clocks.contain ? (
        <SlaText label="Time to contain" clock={clocks.contain} />
      ) : (
        <span className="text-xs">
          <span className="text-muted-foreground">Time to contain</span> not applicable: resolved without containment
        </span>
      )}
      {ticket.reviewStatus !== "NONE" && (
        <span className="text-xs">Manager review: {ticket.reviewStatus.toLowerCase().replace("_", " ")}</span>
      )}
    </div>
  );
}
