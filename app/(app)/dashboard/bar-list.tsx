// A horizontal bar chart in plain HTML: the numbers are always written out, bars only help.
export function BarList({ title, rows }: { title: string; rows: { name: string; n: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No tickets in this period.</p>
      ) : (
        <ul className="space-y-1">
          {rows.map((r) => (
            <li key={r.name} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-2 text-sm">
              <span className="truncate">{r.name}</span>
              <span className="h-3 rounded bg-primary/80" style={{ width: `${(r.n / max) * 100}%` }} aria-hidden />
              <span className="text-right tabular-nums">{r.n}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
