import type { ChecklistRow } from "@/lib/remediation/queries";
import { confirmationFor, isContainmentStep, NO_SNAPSHOT_WARNING } from "@/lib/remediation/step-words";
import { StepRecordControls } from "./step-record-controls";
import { StepRunButton } from "./step-run-button";

type Props = { ticketId: string; row: ChecklistRow; upn: string; hasSnapshot: boolean; mfaWarning?: string | null };

const ITEM_VERB: Record<string, string> = {
  "remove-inbox-rules": "Remove rule",
  "remove-auth-methods": "Remove",
  "revoke-oauth-grants": "Revoke",
};
const UNSETTLED = ["FAILED", "UNKNOWN", "IN_PROGRESS", "UNCONFIRMED"];

/** The controls of one checklist row, on one line: run / re-run, or the flagged items still to remove; then record by hand. */
export function StepControls({ ticketId, row, upn, hasSnapshot, mfaWarning }: Props) {
  if (row.key === "snapshot") return null;
  const ran = row.lastAction !== null;
  // A containment step run alone before any snapshot says so, as Contain account does; allowing
  // sign-in again while MFA trusts the attacker's method says that, loudly.
  const warning =
    isContainmentStep(row.key) && !hasSnapshot ? NO_SNAPSHOT_WARNING : row.key === "re-enable-sign-in" ? (mfaWarning ?? null) : null;
  const confirm =
    confirmationFor(row.key, upn, null) ??
    (warning ? { title: `${row.title} for ${upn}?`, description: "The step runs through Microsoft Graph.", action: row.title } : null);
  // Recording by hand: a manual step is marked done (its main action until it is done); any step not
  // yet settled, and every optional one, can be skipped or called not applicable, with a reason.
  const canRecord = row.kind === "MANUAL" || !row.mandatory || row.state !== "DONE";
  const markDone = row.kind !== "MANUAL" ? null : row.state === "DONE" ? "menu" : "button";
  const verb = row.state === "WAITING_APPROVAL" && row.approved ? "Run approved" : ran ? "Re-run" : "Run";
  return (
    <div className="flex flex-wrap items-start justify-end gap-1">
      {row.kind === "AUTOMATED" && !row.items && (
        <StepRunButton
          ticketId={ticketId}
          stepKey={row.key}
          label={verb}
          ariaLabel={`${verb}: ${row.title}`}
          confirm={confirm}
          warning={warning}
          variant={row.approved ? "default" : "outline"}
        />
      )}
      {row.items && <ItemControls ticketId={ticketId} row={row} upn={upn} hasSnapshot={hasSnapshot} />}
      {canRecord && <StepRecordControls ticketId={ticketId} stepKey={row.key} stepTitle={row.title} markDone={markDone} />}
    </div>
  );
}

/** An eradication step: a button for each flagged item still there, "removed" for the others, and a re-check once it ran. */
function ItemControls({ ticketId, row, upn, hasSnapshot }: Props) {
  const items = row.items ?? [];
  if (items.length === 0)
    return (
      <span className="self-center text-xs text-muted-foreground">
        {hasSnapshot ? "Nothing suspicious found" : "Take the snapshot to choose"}
      </span>
    );
  const paramsOf = (id: string) =>
    row.key === "remove-inbox-rules" ? { ruleId: id } : row.key === "remove-auth-methods" ? { methodId: id } : { grantId: id };
  return (
    <>
      {items.map((item) =>
        item.removed ? (
          <span key={item.id} className="self-center text-xs text-muted-foreground">
            {item.label} removed
          </span>
        ) : (
          <span key={item.id} className="inline-flex flex-col items-end gap-1">
            {/* A read-only rule is never sent to Graph; a default phone can be tried again once the user has another method. */}
            {!item.readOnly && (
              <StepRunButton
                ticketId={ticketId}
                stepKey={row.key}
                label={`${item.manual ? "Try again:" : ITEM_VERB[row.key]} ${item.label}`}
                params={paramsOf(item.id)}
                confirm={confirmationFor(row.key, upn, item.label)}
                variant={row.approved ? "default" : "outline"}
              />
            )}
            {item.manual && (
              <details className="max-w-xs text-left text-xs">
                <summary className="cursor-pointer text-warning">Manual step for {item.label}: how</summary>
                <p className="mt-1">{item.manual}</p>
              </details>
            )}
          </span>
        ),
      )}
      {(UNSETTLED.includes(row.state) || items.some((i) => i.manual && !i.removed)) && (
        <StepRunButton ticketId={ticketId} stepKey={row.key} label="Re-check" ariaLabel={`Re-check: ${row.title}`} />
      )}
    </>
  );
}
