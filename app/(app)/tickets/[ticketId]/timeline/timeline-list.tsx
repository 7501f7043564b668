import type { TimelineEvent } from "@/lib/timeline/ticket-timeline";
import { formatDateTime } from "@/lib/utils/dates";

/** Events newest first, each as a sentence (lib/timeline/describe-event.ts) with who and when. */
export function TimelineList({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">No events yet.</p>;
  return (
    <ol className="space-y-1.5 text-sm" aria-label="Timeline" reversed>
      {events.map((e) => (
        <li key={e.seq} className="grid grid-cols-[11rem_minmax(0,1fr)] gap-2">
          <time className="text-xs text-muted-foreground" dateTime={e.at.toISOString()}>
            {formatDateTime(e.at)}
          </time>
          {/* A long word (a URL in a recorded error) wraps instead of widening the page. */}
          <span className="break-words">
            <span className="font-medium">{e.label}</span>
            {e.sentence.slice(e.label.length)}
            <span className="text-xs text-muted-foreground"> · {e.actor ?? "system"}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
