import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listAlertSuggestions } from "@/lib/alerts/queries";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ticketsWithUnread } from "@/lib/notifications/queries";
import { listQueueFilterOptions, listTickets } from "@/lib/tickets/queries";
import { ZTicketListQuery } from "@/lib/tickets/schemas";
import { AlertSuggestions } from "./alert-suggestions";
import { QueueFilters } from "./queue-filters";
import { QueueViews } from "./queue-views";
import { TicketTable } from "./ticket-table";

export const metadata: Metadata = { title: "Tickets" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TicketsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await authorizePage("tickets.read", "/tickets");
  const raw = await searchParams;
  const query = ZTicketListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = await getDb();
  const isQueue = hasPermission(viewer.role, "tickets.queue");
  const [{ rows, nextBefore }, options, suggestions] = await Promise.all([
    listTickets(db, viewer, query),
    isQueue ? listQueueFilterOptions(db, viewer) : Promise.resolve(undefined),
    hasPermission(viewer.role, "tickets.work") ? listAlertSuggestions(db, viewer) : [],
  ]);
  // The tenant admin sees which incidents changed since they last looked.
  const updated = isQueue
    ? undefined
    : await ticketsWithUnread(
        db,
        viewer,
        rows.map((r) => r.id),
      );
  const filtered = Boolean(query.q || query.status || query.severity || query.tenantId || query.assignee || query.view);
  const olderHref = nextBefore
    ? `/tickets?${new URLSearchParams({
        ...Object.fromEntries(
          Object.entries(query)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, String(v)]),
        ),
        before: String(nextBefore),
      })}`
    : null;

  return (
    <div className="space-y-5">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{isQueue ? "Queue" : "Our incidents"}</h1>
        {hasPermission(viewer.role, "tickets.create") && (
          <Button asChild>
            <Link href="/tickets/new">Report an incident</Link>
          </Button>
        )}
      </div>
      <AlertSuggestions groups={suggestions} />
      {isQueue && <QueueViews active={query.view} />}
      <QueueFilters query={query} tenants={options?.tenants} engineers={options?.engineers} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No tickets match these filters" : "No incidents yet"}
          description={filtered ? "Clear the filters or search for something else." : "Reported incidents appear here."}
        />
      ) : (
        <TicketTable rows={rows} showTenant={isQueue} updated={updated} />
      )}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {query.before && (
          <Link href="/tickets" className="text-primary hover:underline">
            ← Newest
          </Link>
        )}
        {olderHref && (
          <Link href={olderHref} className="text-primary hover:underline">
            Older tickets →
          </Link>
        )}
      </nav>
    </div>
  );
}
