import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { computeMetrics } from "@/lib/metrics/compute";
import { loadMetricTickets, parsePeriod } from "@/lib/metrics/queries";
import { STATUS_LABELS } from "@/lib/tickets/format";
import { BarList } from "./bar-list";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const fmtHours = (h: number | null) => (h === null ? "—" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const viewer = await authorizePage("dashboard.view", "/dashboard");
  const period = parsePeriod(await searchParams);
  const m = computeMetrics(await loadMetricTickets(await getDb(), viewer, period));
  const from = period.from.toISOString().slice(0, 10);
  const to = period.to.toISOString().slice(0, 10);
  const kpis: [string, string][] = [
    ["Incidents", String(m.total)],
    ["Open / closed", `${m.open} / ${m.closed}`],
    ["Time to first response (avg)", fmtHours(m.hoursToFirstResponse)],
    ["Time to contain (avg)", fmtHours(m.hoursToContain)],
    ["Dwell time (avg)", fmtHours(m.dwellHours)],
    ["Time to close (avg)", fmtHours(m.hoursToClose)],
    ["SLA breaches", String(m.slaBreaches)],
    ["External recipients affected", String(m.recipientsAffected)],
    ["Preventive items still open", String(m.openPreventiveItems)],
  ];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">Dashboard</h1>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Period">
          <div className="grid gap-1"><Label htmlFor="from">From</Label><Input id="from" name="from" type="date" defaultValue={from} /></div>
          <div className="grid gap-1"><Label htmlFor="to">To</Label><Input id="to" name="to" type="date" defaultValue={to} /></div>
          <Button type="submit" variant="outline">Show</Button>
          <Button asChild variant="ghost"><a href={`/api/metrics?from=${from}&to=${to}`}>Export CSV</a></Button>
        </form>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Key figures">
        {kpis.map(([label, value]) => (
          <Card key={label}><CardContent className="pt-4"><dt className="text-xs text-muted-foreground">{label}</dt><dd className="text-lg font-semibold tabular-nums">{value}</dd></CardContent></Card>
        ))}
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <BarList title="Incidents by status" rows={m.byStatus.map((r) => ({ name: STATUS_LABELS[r.name as keyof typeof STATUS_LABELS] ?? r.name, n: r.n }))} />
        <BarList title="Incidents by tenant" rows={m.byTenant} />
      </div>
    </div>
  );
}
