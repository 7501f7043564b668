import { Badge } from "@/components/ui/badge";
import type { SlaClock } from "@/lib/workflow/sla";
import { formatDuration } from "@/lib/utils/dates";

const VARIANT = { met: "success", breached: "danger", running: "neutral", "at risk": "warning" } as const;

export function SlaText({ label, clock }: { label: string; clock: SlaClock }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <span className="text-muted-foreground">{label}</span>
      <Badge variant={VARIANT[clock.state]}>{clock.state}</Badge>
      <span>{formatDuration(clock.elapsedMs)} of {formatDuration(clock.targetMs)}</span>
    </span>
  );
}
