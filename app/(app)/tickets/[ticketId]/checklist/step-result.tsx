import type { ChecklistRow } from "@/lib/remediation/queries";
import { VerificationText } from "./step-state-badge";

/** A row's result: the last run's error or verification, then why it is where it is (a rejection, a skip) or what was noted. */
export function StepResult({ row }: { row: ChecklistRow }) {
  const last = row.lastAction;
  const note = row.reason ?? (last ? null : row.notes);
  return (
    <div className="space-y-1">
      {last?.errorMessage ? (
        <span className="text-destructive">{last.errorMessage}</span>
      ) : last ? (
        <VerificationText verified={last.verified} observed={last.observed} />
      ) : null}
      {note && <p className="text-muted-foreground">{note}</p>}
      {!last && !note && <span className="text-muted-foreground">—</span>}
    </div>
  );
}
