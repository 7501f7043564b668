import { Alert } from "@/components/ui/alert";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { listSnapshots } from "@/lib/investigation/queries";
import { mfaWarning } from "@/lib/remediation/mfa-warning";
import { getChecklist } from "@/lib/remediation/queries";
import { instructionsFor } from "@/lib/remediation/step-words";
import { formatDateTime } from "@/lib/utils/dates";
import type { StageProps } from "../stage-props";
import { ApprovalsPanel } from "./approvals-panel";
import { CheckAgainButton } from "./check-again-button";
import { ContainAccountButton } from "./contain-account-button";
import { RefreshWhilePending } from "./refresh-while-pending";
import { SettleWhileVerifying } from "./settle-while-verifying";
import { SnapshotHistory } from "./snapshot-history";
import { StepControls } from "./step-controls";
import { StepResult } from "./step-result";
import { StepStateBadge } from "./step-state-badge";
import { TakeSnapshotButton } from "./take-snapshot-button";
import { WaitingPasswordsPanel } from "./waiting-passwords-panel";

const PHASES = { INVESTIGATION: "Investigation", CONTAINMENT: "Containment", ERADICATION: "Eradication", RECOVERY: "Recovery" } as const;

/** Stage 4: the troubleshooting checklist, with the steps that act through Graph. */
export async function ChecklistSection({ db, viewer, ticket, can }: StageProps) {
  const { id: ticketId, affectedUpn: upn } = ticket;
  const [rows, snapshots] = await Promise.all([getChecklist(db, viewer, ticketId, upn), listSnapshots(db, viewer, ticketId)]);
  const closed = ticket.status === "CLOSED";
  const mayRun = can.run;
  // A closed ticket is read-only here: reopening it is the audited way back to work.
  const canRun = can.runNow;
  const hasSnapshot = snapshots.length > 0;
  const contained = Boolean(ticket.containedAt);
  const remainingMethods =
    rows
      .find((r) => r.key === "remove-auth-methods")
      ?.items?.filter((i) => !i.removed)
      .map((i) => i.label) ?? [];
  const warning = mfaWarning({ upn, enforceMfaState: rows.find((r) => r.key === "enforce-mfa")?.state ?? null, remainingMethods });
  const toConfirm = rows.some((r) => r.state === "UNCONFIRMED" || (r.state === "UNKNOWN" && r.lastAction));
  const verifyingUntil =
    rows
      .filter((r) => r.state === "VERIFYING")
      .map((r) => r.lastAction?.verifyingUntil?.toISOString() ?? "")
      .sort()
      .at(-1) ?? null;
  return (
    <section aria-labelledby="checklist-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="checklist-heading" className="text-base font-semibold">
          Troubleshooting checklist
        </h2>
        {canRun && (
          <div className="flex flex-wrap items-start gap-3">
            <TakeSnapshotButton ticketId={ticketId} hasSnapshot={hasSnapshot} />
            <ContainAccountButton ticketId={ticketId} upn={upn} hasSnapshot={hasSnapshot} contained={contained} />
          </div>
        )}
      </div>
      {mayRun && closed && (
        <Alert variant="info">
          The ticket is closed, so nothing here runs: reopen it to take a snapshot, run or re-run steps, or record them.
        </Alert>
      )}
      {/* Verifying… rows: someone who may run keeps reading the tenant until they settle; anyone else sees them settle. */}
      {canRun ? (
        <SettleWhileVerifying ticketId={ticketId} until={verifyingUntil} />
      ) : (
        <RefreshWhilePending active={Boolean(verifyingUntil)} everyMs={3_000} />
      )}
      {warning && <Alert variant="destructive">{warning}</Alert>}
      {canRun && <WaitingPasswordsPanel db={db} viewer={viewer} ticketId={ticketId} />}
      {canRun && toConfirm && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-muted-foreground">
            Some changes Graph accepted are not confirmed by a read yet; they are checked again automatically.
          </span>
          <CheckAgainButton ticketId={ticketId} />
        </div>
      )}
      <ApprovalsPanel db={db} viewer={viewer} ticket={ticket} can={can} hasSnapshot={hasSnapshot} />
      <SnapshotHistory snapshots={snapshots} note={rows.find((r) => r.key === "snapshot")?.notes ?? null} />
      <DataTable
        caption="Checklist steps with their state, who ran them, Graph request ids and verification"
        captionClassName="sr-only"
        columns={["Step", "Phase", "State", "By / when", "Graph request id", "Result", ...(canRun ? [ACTIONS_COLUMN] : [])]}
      >
        {rows.map((r) => (
          <TableRow key={r.key} id={`step-${r.key}`} data-step={r.key} className="scroll-mt-24 target:bg-muted">
            <TableCell>
              <span className="font-medium">{r.title}</span>
              {r.mandatory && <span className="ml-1 text-xs text-muted-foreground">(required)</span>}
              {"instructions" in r && r.instructions && (
                <details className="mt-1 text-xs text-muted-foreground">
                  <summary className="cursor-pointer">Manual step: how</summary>
                  <p className="mt-1 max-w-prose">{instructionsFor(r.instructions, upn)}</p>
                </details>
              )}
            </TableCell>
            <TableCell>{PHASES[r.phase]}</TableCell>
            <TableCell>
              <StepStateBadge state={r.state} approved={Boolean(r.approved)} progress={r.items} />
            </TableCell>
            <TableCell className="text-xs">{r.doneBy ? `${r.doneBy}, ${formatDateTime(r.doneAt!)}` : "—"}</TableCell>
            <TableCell className="font-mono text-xs">
              {r.lastAction?.requestIds[0] ?? "—"}
              {/* Graph gives batch items no request id of their own: the client-request-id we sent traces the item. */}
              {r.lastAction?.clientRequestIds[0] && (
                <span className="block text-muted-foreground" title="client-request-id">
                  client {r.lastAction.clientRequestIds[0]}
                </span>
              )}
            </TableCell>
            <TableCell className="max-w-sm text-xs">
              <StepResult row={r} />
            </TableCell>
            {canRun && (
              <TableCell>
                <StepControls ticketId={ticketId} row={r} upn={upn} hasSnapshot={hasSnapshot} mfaWarning={warning} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}
