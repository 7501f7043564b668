// A chart as a figure: caption, a one-sentence summary, the SVG (role img, named by both), and
// the same numbers as a table, so nothing is only in the picture.
export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2 rounded-md border p-3">
      <figcaption id={`${id}-caption`} className="text-sm font-medium">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="text-xs text-muted-foreground">
        {summary}
      </p>
      {chart}
      <details className="text-xs">
        <summary className="cursor-pointer text-primary">The numbers as a table</summary>
        <div className="pt-2">{table}</div>
      </details>
    </figure>
  );
}

export const svgLabel = (id: string) => ({ role: "img", "aria-labelledby": `${id}-caption ${id}-summary` }) as const;

/** Integer ticks from 0 to a rounded-up maximum. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / 4));
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

export function Legend({ items }: { items: { label: string; className: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Legend">
      {items.map((i) => (
        <li key={i.label} className="inline-flex items-center gap-1">
          <svg width="10" height="10" aria-hidden>
            <rect width="10" height="10" rx="2" className={i.className} />
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** The horizontal grid lines of a chart's y axis, each with its value at the left. */
export function YGrid({ values, y, left, width }: { values: number[]; y: (n: number) => number; left: number; width: number }) {
  return values.map((t) => (
    <g key={t}>
      <line x1={left} x2={width} y1={y(t)} y2={y(t)} className="stroke-border" strokeWidth={1} />
      <text x={left - 4} y={y(t) + 3} textAnchor="end" className="fill-muted-foreground text-[9px]">
        {t}
      </text>
    </g>
  ));
}
