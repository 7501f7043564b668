import Link from "next/link";
import { formatTicketNumber, STATUS_LABELS } from "@/lib/tickets/format";
import type { TicketStatus } from "@/generated/prisma/enums";

export type Duplicate = { id: string; number: number; status: string };

/**
 * Before filing: the account already has open incidents. Adding to one keeps the work in one
 * place; filing anyway stays possible (a second, unrelated compromise of the same account).
 */
export function DuplicateNotice({ duplicates, ref }: { duplicates: Duplicate[]; ref?: React.Ref<HTMLDivElement> }) {
  const one = duplicates.length === 1;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-label="Open incidents for this account"
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 focus-visible:outline-2 focus-visible:outline-ring"
    >
      <p>
        {duplicates.map((d, i) => (
          <span key={d.id}>
            {i > 0 && (i === duplicates.length - 1 ? " and " : ", ")}
            <Link href={`/tickets/${d.id}`} className="font-mono font-medium underline">
              {formatTicketNumber(d.number)}
            </Link>{" "}
            ({STATUS_LABELS[d.status as TicketStatus] ?? d.status})
          </span>
        ))}{" "}
        {one ? "is" : "are"} open for this account – add to {one ? "it" : "one of them"} instead?
      </p>
      <p className="mt-1 text-xs">Post an update or evidence there, or press File anyway to report a separate incident.</p>
    </div>
  );
}
