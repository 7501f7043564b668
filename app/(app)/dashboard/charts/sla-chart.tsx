import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import type { SlaDistribution } from "@/lib/metrics/series";
import { ChartFigure, Legend, svgLabel, ticks, YGrid } from "./chart-figure";

const W = 560,
  H = 190,
  LEFT = 28,
  BOTTOM = 34,
  TOP = 14;

/** Final durations against the severity's SLA target, as a share of it; the target is the dashed line. */
export function SlaChart({ id, title, d }: { id: string; title: string; d: SlaDistribution }) {
  const stopped = d.met + d.breached;
  const yTicks = ticks(Math.max(0, ...d.bands.map((b) => b.n)));
  const top = yTicks.at(-1) || 1;
  const plotH = H - BOTTOM - TOP;
  const colW = (W - LEFT) / d.bands.length;
  const y = (n: number) => TOP + plotH - (n / top) * plotH;
  const targetX = LEFT + colW * d.bands.filter((b) => b.withinTarget).length;
  const open = [
    d.running ? `${d.running} open within target` : null,
    d.overdue ? `${d.overdue} open past target` : null,
    d.notApplicable ? `${d.notApplicable} not applicable` : null,
  ].filter(Boolean);
  const summary =
    stopped === 0
      ? `No finished clock in this period${open.length ? `; ${open.join(", ")}` : ""}.`
      : `${d.met} of ${stopped} within the target, ${d.breached} beyond it${open.length ? `; ${open.join(", ")}` : ""}.`;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      chart={
        <>
          <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" {...svgLabel(id)}>
            <YGrid values={yTicks} y={y} left={LEFT} width={W} />
            {d.bands.map((b, i) => (
              <g key={b.label}>
                {b.n > 0 && (
                  <rect
                    x={LEFT + i * colW + colW * 0.15}
                    width={colW * 0.7}
                    y={y(b.n)}
                    height={y(0) - y(b.n)}
                    className={b.withinTarget ? "fill-emerald-600" : "fill-red-600"}
                  >
                    <title>{`${b.label} of the target: ${b.n}`}</title>
                  </rect>
                )}
                <text x={LEFT + i * colW + colW / 2} y={H - BOTTOM + 12} textAnchor="middle" className="fill-muted-foreground text-[9px]">
                  {b.label}
                </text>
              </g>
            ))}
            <line
              x1={targetX}
              x2={targetX}
              y1={TOP - 6}
              y2={H - BOTTOM}
              className="stroke-foreground"
              strokeWidth={1.5}
              strokeDasharray="4 3"
            />
            <text x={targetX + 4} y={TOP} className="fill-foreground text-[9px]">
              SLA target
            </text>
            <text x={LEFT + (W - LEFT) / 2} y={H - 4} textAnchor="middle" className="fill-muted-foreground text-[9px]">
              share of the severity&apos;s target used
            </text>
          </svg>
          <Legend
            items={[
              { label: "Within target", className: "fill-emerald-600" },
              { label: "Beyond target", className: "fill-red-600" },
            ]}
          />
        </>
      }
      table={
        <DataTable
          className="text-xs"
          aria-label={`${title}: table`}
          columns={["Share of target", "Against the SLA", { label: "Tickets", className: "text-right" }]}
        >
          {d.bands.map((b) => (
            <TableRow key={b.label}>
              <TableCell>{b.label}</TableCell>
              <TableCell>{b.withinTarget ? "within" : "beyond"}</TableCell>
              <TableCell className="text-right tabular-nums">{b.n}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>Still open</TableCell>
            <TableCell>{d.overdue ? `${d.overdue} past target` : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{d.running + d.overdue}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>Not applicable</TableCell>
            <TableCell>resolved without it</TableCell>
            <TableCell className="text-right tabular-nums">{d.notApplicable}</TableCell>
          </TableRow>
        </DataTable>
      }
    />
  );
}
