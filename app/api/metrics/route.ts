import { apiRoute } from "@/lib/http/route";
import { toCsv } from "@/lib/metrics/csv";
import { loadMetricTickets } from "@/lib/metrics/queries";
import { parsePeriod } from "@/lib/metrics/schemas";
import { dwellHours } from "@/lib/investigation/dwell";
import { formatTicketNumber } from "@/lib/tickets/format";

export const dynamic = "force-dynamic";

const fixed = (h: number | null) => (h === null ? "" : h.toFixed(2));
const hours = (a: Date | null, b: Date | null) => fixed(a && b ? (b.getTime() - a.getTime()) / 3_600_000 : null);

// GET /api/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD — one row per ticket, safe to open in a spreadsheet.
export const GET = apiRoute({ name: "metrics.csv", permission: "dashboard.view" }, async ({ request, viewer, db }) => {
  const url = new URL(request.url);
  const parsed = parsePeriod({ from: url.searchParams.get("from"), to: url.searchParams.get("to") });
  if (!parsed.ok) {
    const problems = Object.entries(parsed.errors)
      .map(([field, messages]) => `${field}: ${messages?.join(" ")}`)
      .join("; ");
    return new Response(`Invalid period. ${problems}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  const { period } = parsed;
  const tickets = await loadMetricTickets(db, viewer, period);
  const csv = toCsv(
    [
      "ticket",
      "tenant",
      "status",
      "severity",
      "reported",
      "hours_to_first_response",
      "hours_to_contain",
      "dwell_hours",
      "hours_to_close",
      "external_recipients",
      "internal_recipients",
      "open_preventive_items",
    ],
    tickets.map((t) => [
      formatTicketNumber(t.number),
      t.tenant,
      t.status,
      t.severity,
      t.createdAt,
      hours(t.createdAt, t.firstResponseAt),
      hours(t.createdAt, t.containedAt),
      fixed(dwellHours(t.firstSuspiciousAt, t.containedAt)),
      hours(t.createdAt, t.closedAt),
      t.recipients,
      t.internalRecipients,
      t.openPreventiveItems,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="breachdesk-metrics-${period.fromDay}-${period.toDay}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
