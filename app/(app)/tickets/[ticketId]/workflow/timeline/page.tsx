import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listTicketEvents } from "@/lib/timeline/ticket-timeline";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatTicketNumber } from "@/lib/tickets/format";
import { getTicketOrThrow } from "@/lib/tickets/queries";
import { TimelineList } from "../../timeline/timeline-list";

export const metadata: Metadata = { title: "Ticket timeline" };
export const dynamic = "force-dynamic";

const PAGE = 500;

/** Every event of the ticket, newest first, 500 a page. */
export default async function TicketTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ ticketId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { ticketId } = await params;
  const { before } = await searchParams;
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}/workflow/timeline`);
  const db = await getDb();
  const ticket = await getTicketOrThrow(db, viewer, ticketId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : null;
  const { events, total, olderBefore } = await listTicketEvents(db, viewer, ticket.id, { take: PAGE, before: cursor });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href={`/tickets/${ticket.id}`} className="text-sm text-muted-foreground hover:underline">
        ← {formatTicketNumber(ticket.number)}
      </Link>
      <h1 className="text-xl font-semibold">
        Timeline of {formatTicketNumber(ticket.number)} · {ticket.title}
      </h1>
      <p className="text-sm text-muted-foreground">
        {total} events, newest first{cursor ? " (older page)" : ""}.
      </p>
      <TimelineList events={events} />
      <nav aria-label="Timeline pages" className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`/tickets/${ticket.id}/workflow/timeline`} className="text-primary hover:underline">
            Newest events
          </Link>
        )}
        {olderBefore && (
          <Link href={`/tickets/${ticket.id}/workflow/timeline?before=${olderBefore}`} className="text-primary hover:underline">
            Older events
          </Link>
        )}
      </nav>
    </div>
  );
}
