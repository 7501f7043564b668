import type { ChecklistRow } from "@/lib/remediation/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { VerificationText } from "./step-state-badge";

/**
 * A row's result: the last run's error or verification, then why it is where it is (a rejection,
 * a skip) or what was noted. An accepted write not yet seen by a read says so, and when it is
 * checked again.
 */
export function StepResult({ row }: { row: ChecklistRow }) {
  const last = row.lastAction;
  const note = row.reason ?? (last ? null : row.notes);
  return (
    <div className="space-y-1">
      {row.state === "VERIFYING" ? (
        <span role="status" className="text-muted-foreground">
          Graph accepted it; reading the tenant back until it shows (Microsoft Entra can take a few seconds)…
        </span>
      ) : row.state === "UNCONFIRMED" && last ? (
        <span className="text-warning">
          Graph accepted it, but no read has confirmed it yet{last.observed ? ` (${last.observed})` : ""}.{" "}
          {last.nextCheckAt
            ? `Checked again automatically from ${formatDateTime(last.nextCheckAt)}, or use Check again.`
            : "No more automatic checks: use Check again, or run the step again."}
        </span>
      ) : last?.errorMessage ? (
        <span className="text-destructive">{last.errorMessage}</span>
      ) : last ? (
        <VerificationText verified={last.verified} observed={last.observed} />
      ) : null}
      {note && <p className="text-muted-foreground">{note}</p>}
      {!last && !note && <span className="text-muted-foreground">—</span>}
    </div>
  );
}
