import { cn } from "@/lib/utils/cn";

/** Key figures as a description list; each figure is a group named by its label. */
export function FigureGrid({
  label,
  figures,
  className,
}: {
  label: string;
  figures: [label: string, value: string][];
  className?: string;
}) {
  return (
    <dl className={cn("grid gap-3", className)} aria-label={label}>
      {figures.map(([name, value]) => (
        <div key={name} role="group" aria-label={name} className="rounded-lg border bg-card p-4">
          <dt className="text-xs text-muted-foreground">{name}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
