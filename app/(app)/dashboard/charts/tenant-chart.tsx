import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { ChartFigure, Legend, svgLabel } from "./chart-figure";

const W = 560,
  LABEL = 150,
  ROW = 30,
  BAR = 11;

/** Per tenant: open and closed incidents side by side, with the numbers written at the bars. */
export function TenantChart({ rows }: { rows: { tenant: string; open: number; closed: number }[] }) {
  const id = "chart-tenants";
  const max = Math.max(1, ...rows.flatMap((r) => [r.open, r.closed]));
  const x = (n: number) => ((W - LABEL - 30) * n) / max;
  const H = Math.max(1, rows.length) * ROW + 6;
  const summary =
    rows.length === 0
      ? "No incidents in this period."
      : rows.map((r) => `${r.tenant}: ${r.open} open, ${r.closed} closed`).join("; ") + ".";
  return (
    <ChartFigure
      id={id}
      title="Incidents by tenant: open and closed"
      summary={summary}
      chart={
        <>
          <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" {...svgLabel(id)}>
            {rows.map((r, i) => (
              <g key={r.tenant} transform={`translate(0 ${i * ROW + 4})`}>
                <text x={LABEL - 6} y={BAR + 3} textAnchor="end" className="fill-foreground text-[10px]">
                  {r.tenant.length > 24 ? `${r.tenant.slice(0, 23)}…` : r.tenant}
                </text>
                <rect x={LABEL} y={0} width={x(r.open)} height={BAR} className="fill-amber-500">
                  <title>{`${r.tenant}: ${r.open} open`}</title>
                </rect>
                <text x={LABEL + x(r.open) + 4} y={BAR - 2} className="fill-muted-foreground text-[9px]">
                  {r.open}
                </text>
                <rect x={LABEL} y={BAR + 2} width={x(r.closed)} height={BAR} className="fill-slate-400">
                  <title>{`${r.tenant}: ${r.closed} closed`}</title>
                </rect>
                <text x={LABEL + x(r.closed) + 4} y={2 * BAR} className="fill-muted-foreground text-[9px]">
                  {r.closed}
                </text>
              </g>
            ))}
          </svg>
          <Legend
            items={[
              { label: "Open", className: "fill-amber-500" },
              { label: "Closed", className: "fill-slate-400" },
            ]}
          />
        </>
      }
      table={
        <DataTable
          className="text-xs"
          aria-label="Incidents by tenant: table"
          columns={["Tenant", { label: "Open", className: "text-right" }, { label: "Closed", className: "text-right" }]}
        >
          {rows.map((r) => (
            <TableRow key={r.tenant}>
              <TableCell>{r.tenant}</TableCell>
              <TableCell className="text-right tabular-nums">{r.open}</TableCell>
              <TableCell className="text-right tabular-nums">{r.closed}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      }
    />
  );
}
