import Link from "next/link";
import type { StageState } from "@/lib/workflow/progress";
import { stageHref, TICKET_STAGES, type TicketStageId } from "@/lib/workflow/stages";
import { cn } from "@/lib/utils/cn";
import { StageTabsScroller } from "./stage-tabs-scroller";

type Props = { ticketId: string; active: TicketStageId; progress: Record<string, { state: StageState; detail: string }>; updates: number };

const STATE_CLASS: Record<StageState, string> = {
  Done: "text-success",
  "In progress": "text-warning",
  "Not started": "text-muted-foreground",
};

/**
 * The stages as links (?stage=<id>), rendered on the server: only the open stage's data is read.
 * Each says its progress in words; the title gives the detail.
 */
export function StageTabs({ ticketId, active, progress, updates }: Props) {
  return (
    <nav aria-label="Stages">
      {/* One scrolling row on a phone, wrapping rows from sm up. */}
      <StageTabsScroller className="relative overflow-x-auto rounded-lg border bg-muted/60 sm:overflow-visible">
        <ul className="flex w-max gap-1 p-1 sm:w-auto sm:flex-wrap">
          {TICKET_STAGES.map((s) => {
            const p = s.progress ? progress[s.progress] : undefined;
            const current = s.id === active;
            return (
              <li key={s.id}>
                <Link
                  href={stageHref(ticketId, s.id)}
                  aria-current={current ? "page" : undefined}
                  title={p?.detail}
                  className={cn(
                    "inline-flex items-baseline gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1 text-sm transition-colors sm:px-3 sm:py-1.5",
                    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                    current
                      ? "bg-background font-medium text-foreground shadow-xs ring-1 ring-border"
                      : "text-muted-foreground hover:bg-background/70 hover:text-foreground",
                  )}
                >
                  {s.label}
                  {p && (
                    <span className={cn("text-xs font-normal", STATE_CLASS[p.state])}>
                      <span className="sr-only">: </span>
                      {p.state}
                    </span>
                  )}
                  {s.id === "updates" && (
                    <span className="rounded-full border bg-background px-1.5 text-xs font-normal tabular-nums text-foreground">
                      {updates}
                      <span className="sr-only"> {updates === 1 ? "item" : "items"}</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </StageTabsScroller>
    </nav>
  );
}
