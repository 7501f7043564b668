import Link from "next/link";
import type { TTicketListQuery } from "@/lib/tickets/schemas";

const VIEWS = [
  { id: undefined, label: "All tickets" },
  { id: "mine", label: "Mine" },
  { id: "unassigned", label: "Unassigned" },
  { id: "sla", label: "SLA at risk" },
  { id: "returned", label: "Returned reports" },
] as const satisfies readonly { id: TTicketListQuery["view"]; label: string }[];

/** The queue's saved views: one click to the lists an engineer checks all day (they combine with the filters). */
export function QueueViews({ active }: { active: TTicketListQuery["view"] }) {
  return (
    <nav aria-label="Saved views">
      <ul className="flex flex-wrap gap-1 text-sm">
        {VIEWS.map((v) => {
          const current = v.id === active;
          return (
            <li key={v.label}>
              <Link
                href={v.id ? `/tickets?view=${v.id}` : "/tickets"}
                aria-current={current ? "page" : undefined}
                className={
                  current
                    ? "rounded-md bg-primary px-3 py-1.5 font-medium text-primary-foreground"
                    : "rounded-md px-3 py-1.5 text-muted-foreground hover:bg-muted hover:text-foreground"
                }
              >
                {v.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
