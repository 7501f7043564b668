import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { listTicketEvents } from "@/lib/timeline/ticket-timeline";
import { TimelineList } from "./timeline-list";

// The ticket page shows the newest events; when there are more, it says so and links to the
// whole timeline, so nothing is dropped silently.
const TIMELINE_ON_TICKET = 100;

export async function Timeline({ db, viewer, ticketId }: { db: Db; viewer: Viewer; ticketId: string }) {
  const { events, total } = await listTicketEvents(db, viewer, ticketId, { take: TIMELINE_ON_TICKET });
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted-foreground">Newest first.</p>
      <TimelineList events={events} />
      {total > events.length && (
        <p className="text-sm">
          Showing the newest {events.length} of {total} events.{" "}
          <Link href={`/tickets/${ticketId}/workflow/timeline`} className="text-primary hover:underline">
            See the whole timeline
          </Link>
        </p>
      )}
    </div>
  );
}
