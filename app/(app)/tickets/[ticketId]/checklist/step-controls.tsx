import type { SnapshotFindings } from "@/lib/investigation/queries";
import type { ChecklistRow } from "@/lib/remediation/queries";
import { StepRecordControls } from "./step-record-controls";
import { StepRunButton } from "./step-run-button";

const CONFIRM: Record<string, string> = {
  "reset-password": "The user's password is replaced; they must change it at next sign-in.",
  "block-sign-in": "Nobody can sign in to this account until sign-in is allowed again.",
  "revoke-sessions": "Every session of this account is signed out.",
  "remove-inbox-rules": "The rule is deleted from the mailbox.",
  "remove-auth-methods": "The sign-in method is removed from the account.",
  "revoke-oauth-grants": "The app loses the user's consent.",
};

/** The controls of one checklist row, on one line: run / re-run or choose what to remove, then record by hand. */
export function StepControls({ ticketId, row, findings }: { ticketId: string; row: ChecklistRow; findings: SnapshotFindings | null }) {
  if (row.key === "snapshot") return null;
  const ran = row.lastAction !== null;
  const base = { ticketId, stepKey: row.key, confirm: CONFIRM[row.key] };
  const choices =
    row.key === "remove-inbox-rules" ? findings?.inboxRules?.map((r) => ({ label: `Remove rule “${r.name || "(no name)"}”`, params: { ruleId: r.id } }))
    : row.key === "remove-auth-methods" ? findings?.authMethods?.map((m) => ({ label: `Remove ${m.kind} ${m.detail ?? ""}`.trim(), params: { methodId: m.id, methodKind: m.kind } }))
    : row.key === "revoke-oauth-grants" ? findings?.consents?.map((c) => ({ label: `Revoke “${c.app}”`, params: { grantId: c.id } }))
    : undefined;
  // Recording by hand: a manual step is marked done (its main action until it is done); any step not
  // yet settled, and every optional one, can be skipped or called not applicable, with a reason.
  const canRecord = row.kind === "MANUAL" || !row.mandatory || row.state !== "DONE";
  const markDone = row.kind !== "MANUAL" ? null : row.state === "DONE" ? "menu" : "button";
  return (
    <div className="flex flex-wrap items-start justify-end gap-1">
      {row.kind === "AUTOMATED" && choices === undefined && <StepRunButton {...base} label={ran ? "Re-run" : "Run"} />}
      {choices !== undefined &&
        (choices.length === 0 ? (
          <span className="self-center text-xs text-muted-foreground">{findings ? "Nothing suspicious found" : "Take the snapshot to choose"}</span>
        ) : (
          choices.map((c) => <StepRunButton key={c.label} {...base} label={c.label} params={c.params} />)
        ))}
      {canRecord && <StepRecordControls ticketId={ticketId} stepKey={row.key} stepTitle={row.title} markDone={markDone} />}
    </div>
  );
}
