import { Badge } from "@/components/ui/badge";

const STATES: Record<string, { label: string; variant: "neutral" | "info" | "success" | "warning" | "danger" }> = {
  TODO: { label: "To do", variant: "neutral" },
  RUNNING: { label: "Running", variant: "info" },
  DONE: { label: "Done", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
  UNKNOWN: { label: "Unknown – re-run", variant: "warning" },
  SKIPPED: { label: "Skipped", variant: "neutral" },
  NOT_APPLICABLE: { label: "Not applicable", variant: "neutral" },
  WAITING_APPROVAL: { label: "Waiting for approval", variant: "warning" },
};

export function StepStateBadge({ state }: { state: string }) {
  const s = STATES[state] ?? { label: state, variant: "neutral" as const };
  return <Badge variant={s.variant}>{s.label}</Badge>;
}

export function VerificationText({ verified, observed }: { verified: boolean | null; observed: string | null }) {
  if (!observed) return <span className="text-muted-foreground">—</span>;
  const prefix = verified === true ? "Verified: " : verified === false ? "Not verified: " : "";
  return (
    <span className={verified === false ? "text-destructive" : verified ? "text-success" : "text-muted-foreground"}>
      {prefix}
      {observed}
    </span>
  );
}
