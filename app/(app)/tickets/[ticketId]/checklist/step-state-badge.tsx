import { Badge } from "@/components/ui/badge";
import { readableObserved } from "@/lib/reports/words";

const STATES: Record<string, { label: string; variant: "neutral" | "info" | "success" | "warning" | "danger" }> = {
  TODO: { label: "To do", variant: "neutral" },
  RUNNING: { label: "Running", variant: "info" },
  // Graph accepted the write; reads of the tenant have not shown it yet (eventual consistency).
  VERIFYING: { label: "Verifying…", variant: "info" },
  UNCONFIRMED: { label: "Unconfirmed", variant: "warning" },
  IN_PROGRESS: { label: "In progress", variant: "info" },
  DONE: { label: "Done", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
  UNKNOWN: { label: "Unknown – re-run", variant: "warning" },
  SKIPPED: { label: "Skipped", variant: "neutral" },
  NOT_APPLICABLE: { label: "Not applicable", variant: "neutral" },
  WAITING_APPROVAL: { label: "Waiting for approval", variant: "warning" },
};

type Props = { state: string; approved?: boolean; progress?: { removed: boolean }[] };

/** The state in words; a waiting step whose approval came says it is ready; an eradication step counts what is removed. */
export function StepStateBadge({ state, approved = false, progress }: Props) {
  const s =
    state === "WAITING_APPROVAL" && approved
      ? { label: "Approved – ready to run", variant: "success" as const }
      : (STATES[state] ?? { label: state, variant: "neutral" as const });
  const removed = progress?.filter((i) => i.removed).length ?? 0;
  const count = progress && progress.length > 0 && state !== "DONE" && removed > 0 ? `${removed} of ${progress.length} removed` : null;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge variant={s.variant}>{s.label}</Badge>
      {count && <span className="text-xs text-muted-foreground">{count}</span>}
    </span>
  );
}

export function VerificationText({ verified, observed }: { verified: boolean | null; observed: string | null }) {
  if (!observed) return <span className="text-muted-foreground">—</span>;
  const prefix = verified === true ? "Verified: " : verified === false ? "Not verified: " : "";
  return (
    <span className={verified === false ? "text-destructive" : verified ? "text-success" : "text-muted-foreground"}>
      {prefix}
      {readableObserved(observed)}
    </span>
  );
}
