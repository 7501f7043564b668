import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import type { TimeBucket } from "@/lib/metrics/series";
import { incidentsSummary, STATUS_ORDER } from "@/lib/metrics/series";
import { STATUS_LABELS } from "@/lib/tickets/format";
import { ChartFigure, Legend, svgLabel, ticks, YGrid } from "./chart-figure";

const FILL: Record<string, string> = {
  NEW: "fill-sky-500",
  TRIAGED: "fill-indigo-500",
  CONTAINED: "fill-amber-500",
  RESOLVED: "fill-teal-600",
  REOPENED: "fill-rose-500",
  CLOSED: "fill-slate-400",
};
const W = 560,
  H = 200,
  LEFT = 28,
  BOTTOM = 22,
  TOP = 8;

/** Incidents reported per day/week/month, stacked by current status. */
export function IncidentsChart({ unit, buckets }: { unit: string; buckets: TimeBucket[] }) {
  const id = "chart-incidents";
  const statuses = STATUS_ORDER.filter((s) => buckets.some((b) => b.counts[s]));
  const yTicks = ticks(Math.max(0, ...buckets.map((b) => b.total)));
  const top = yTicks.at(-1) || 1;
  const plotH = H - BOTTOM - TOP;
  const colW = (W - LEFT) / Math.max(1, buckets.length);
  const every = Math.ceil(buckets.length / 8);
  const y = (n: number) => TOP + plotH - (n / top) * plotH;
  return (
    <ChartFigure
      id={id}
      title={`Incidents reported per ${unit}, by current status`}
      summary={incidentsSummary(unit, buckets)}
      chart={
        <>
          <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" {...svgLabel(id)}>
            <YGrid values={yTicks} y={y} left={LEFT} width={W} />
            {buckets.map((b, i) => {
              let base = 0;
              return (
                <g key={b.label}>
                  {statuses.map((s) => {
                    const n = b.counts[s] ?? 0;
                    if (!n) return null;
                    const rect = (
                      <rect
                        key={s}
                        x={LEFT + i * colW + colW * 0.15}
                        width={colW * 0.7}
                        y={y(base + n)}
                        height={y(base) - y(base + n)}
                        className={FILL[s]}
                      >
                        <title>{`${b.label}: ${n} ${STATUS_LABELS[s].toLowerCase()}`}</title>
                      </rect>
                    );
                    base += n;
                    return rect;
                  })}
                  {i % every === 0 && (
                    <text x={LEFT + i * colW + colW / 2} y={H - 6} textAnchor="middle" className="fill-muted-foreground text-[9px]">
                      {b.label.replace("week of ", "")}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          <Legend items={statuses.map((s) => ({ label: STATUS_LABELS[s], className: FILL[s]! }))} />
        </>
      }
      table={
        <DataTable
          className="text-xs"
          aria-label="Incidents reported: table"
          columns={[
            unit === "week" ? "Week of" : unit === "month" ? "Month" : "Day",
            ...statuses.map((s) => ({ label: STATUS_LABELS[s], className: "text-right" })),
            { label: "Total", className: "text-right" },
          ]}
        >
          {buckets
            .filter((b) => b.total > 0)
            .map((b) => (
              <TableRow key={b.label}>
                <TableCell>{b.label.replace("week of ", "")}</TableCell>
                {statuses.map((s) => (
                  <TableCell key={s} className="text-right tabular-nums">
                    {b.counts[s] ?? 0}
                  </TableCell>
                ))}
                <TableCell className="text-right tabular-nums">{b.total}</TableCell>
              </TableRow>
            ))}
        </DataTable>
      }
    />
  );
}
