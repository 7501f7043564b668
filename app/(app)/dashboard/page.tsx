import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FigureGrid } from "@/components/ui/figure-grid";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { computeMetrics } from "@/lib/metrics/compute";
import { DWELL_TIME_DEFINITION } from "@/lib/investigation/dwell";
import { loadDashboard } from "@/lib/metrics/queries";
import { parsePeriod, type Period } from "@/lib/metrics/schemas";
import { incidentsOverTime, slaDistribution, tenantOpenClosed } from "@/lib/metrics/series";
import { CampaignFigures } from "./campaign-figures";
import { IncidentsChart } from "./charts/incidents-chart";
import { SlaChart } from "./charts/sla-chart";
import { TenantChart } from "./charts/tenant-chart";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const fmtHours = (h: number | null) => (h === null ? "—" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);
/** A date picker for a day; anything else stays a text box, so the reader sees what is wrong. */
const inputType = (v: string) => (v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v) ? "date" : "text");

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}) {
  const viewer = await authorizePage("dashboard.view", "/dashboard");
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = parsePeriod({ from: one(query.from), to: one(query.to) });
  const values = parsed.ok ? { from: parsed.period.fromDay, to: parsed.period.toDay } : parsed.values;
  const data = parsed.ok ? await loadDashboard(await getDb(), viewer, parsed.period) : null;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">Dashboard</h1>
        {/* Aligned on the inputs, not the bottom: an error under one field must not lift the other. */}
        <form method="get" className="flex flex-wrap items-start gap-2" aria-label="Period" noValidate>
          <FormField id="from" label="From" className="w-44" error={parsed.ok ? undefined : parsed.errors.from}>
            <Input name="from" type={inputType(values.from)} defaultValue={values.from} placeholder="YYYY-MM-DD" />
          </FormField>
          <FormField id="to" label="To" className="w-44" error={parsed.ok ? undefined : parsed.errors.to}>
            <Input name="to" type={inputType(values.to)} defaultValue={values.to} placeholder="YYYY-MM-DD" />
          </FormField>
          <div className="flex gap-2 pt-[1.625rem]">
            <Button type="submit" variant="outline">
              Show
            </Button>
            {parsed.ok && (
              <Button asChild variant="ghost">
                <a href={`/api/metrics?from=${values.from}&to=${values.to}`}>Export CSV</a>
              </Button>
            )}
          </div>
        </form>
      </div>
      {data && parsed.ok ? (
        <Figures period={parsed.period} {...data} />
      ) : (
        <Alert variant="destructive">Check the period: the figures appear once it is a valid range of days.</Alert>
      )}
    </div>
  );
}

function Figures({ period, tickets, campaigns }: { period: Period } & Awaited<ReturnType<typeof loadDashboard>>) {
  const now = new Date();
  const m = computeMetrics(tickets, now);
  const kpis: [string, string][] = [
    ["Incidents", String(m.total)],
    ["Open / closed", `${m.open} / ${m.closed}`],
    ["Time to first response (avg)", fmtHours(m.hoursToFirstResponse)],
    ["Time to contain (avg)", fmtHours(m.hoursToContain)],
    ["Dwell time (avg)", fmtHours(m.dwellHours)],
    ["Time to close (avg)", fmtHours(m.hoursToClose)],
    ["SLA breaches", String(m.slaBreaches)],
    ["External recipients affected", String(m.recipientsAffected)],
    ["Internal recipients affected", String(m.internalRecipientsAffected)],
    ["Preventive items still open", String(m.openPreventiveItems)],
  ];
  const over = incidentsOverTime(tickets, period);
  return (
    <>
      <p className="text-sm text-muted-foreground">
        Incidents reported from {period.fromDay} to {period.toDay} (UTC days, both included).
      </p>
      <FigureGrid label="Key figures" figures={kpis} className="sm:grid-cols-3 lg:grid-cols-5" />
      <CampaignFigures summary={campaigns} />
      <p className="text-xs text-muted-foreground">
        Dwell time: {DWELL_TIME_DEFINITION} (failed attempts do not start it); averages leave out tickets without both times.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <IncidentsChart unit={over.unit} buckets={over.buckets} />
        <TenantChart rows={tenantOpenClosed(tickets)} />
        <SlaChart
          id="chart-first-response"
          title="Time to first response against the SLA"
          d={slaDistribution(tickets, "firstResponse", now)}
        />
        <SlaChart id="chart-contain" title="Time to contain against the SLA" d={slaDistribution(tickets, "contain", now)} />
      </div>
    </>
  );
}
