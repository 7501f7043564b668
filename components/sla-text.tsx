import { Badge } from "@/components/ui/badge";
import type { SlaClock } from "@/lib/tickets/sla";
import { formatDuration, formatDurationCompact } from "@/lib/utils/dates";

const VARIANT = { met: "success", breached: "danger", running: "neutral", "at risk": "warning" } as const;

/**
 * One SLA clock as text: its state in words (the badge colour only repeats it) and elapsed of
 * target. In a table column the header names the clock; srLabel names it for screen readers too.
 */
export function SlaText({ label, srLabel, clock }: { label: string; srLabel?: string; clock: SlaClock }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      {label && <span className="text-muted-foreground">{label}</span>}
      {srLabel && <span className="sr-only">{srLabel}:</span>}
      <Badge variant={VARIANT[clock.state]}>{clock.state}</Badge>
      <span>
        {formatDuration(clock.elapsedMs)} of {formatDuration(clock.targetMs)}
      </span>
    </span>
  );
}

/**
 * The same clock on one line for a table cell: the state word and "15m / 4h". Screen readers
 * get the full sentence instead, named by srLabel.
 */
export function SlaCell({ srLabel, clock }: { srLabel: string; clock: Pick<SlaClock, "state" | "elapsedMs" | "targetMs"> }) {
  const full = `${srLabel}: ${clock.state} ${formatDuration(clock.elapsedMs)} of ${formatDuration(clock.targetMs)}`;
  return (
    <>
      <span className="sr-only">{full}</span>
      <span aria-hidden className="clock">
        <Badge variant={VARIANT[clock.state]}>{clock.state}</Badge>
        {`${formatDurationCompact(clock.elapsedMs)} / ${formatDurationCompact(clock.targetMs)}`}
      </span>
    </>
  );
}
