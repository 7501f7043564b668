import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getLatestSnapshot } from "@/lib/investigation/queries";
import { getChecklist } from "@/lib/remediation/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { ApprovalsPanel } from "./approvals-panel";
import { ContainAccountButton } from "./contain-account-button";
import { SnapshotPanel } from "./snapshot-panel";
import { StepControls } from "./step-controls";
import { TakeSnapshotButton } from "./take-snapshot-button";
import { StepResult } from "./step-result";
import { StepStateBadge } from "./step-state-badge";

const PHASES = { INVESTIGATION: "Investigation", CONTAINMENT: "Containment", ERADICATION: "Eradication", RECOVERY: "Recovery" } as const;

/** Stage 4: the troubleshooting checklist, with the steps that act through Graph. */
export async function ChecklistSection({ ticketId, upn }: { ticketId: string; upn: string }) {
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const db = await getDb();
  const [rows, snapshot] = await Promise.all([getChecklist(db, viewer, ticketId), getLatestSnapshot(db, viewer, ticketId)]);
  const canRun = hasPermission(viewer.role, "remediation.run");
  return (
    <section aria-labelledby="checklist-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="checklist-heading" className="text-base font-semibold">Troubleshooting checklist</h2>
        {canRun && (
          <div className="flex flex-wrap items-start gap-3">
            <TakeSnapshotButton ticketId={ticketId} hasSnapshot={Boolean(snapshot)} />
            <ContainAccountButton ticketId={ticketId} upn={upn} hasSnapshot={Boolean(snapshot)} />
          </div>
        )}
      </div>
      <ApprovalsPanel db={db} viewer={viewer} ticketId={ticketId} />
      {snapshot && <SnapshotPanel snapshot={snapshot} note={rows.find((r) => r.key === "snapshot")?.notes ?? null} />}
      <Table>
        <TableCaption className="sr-only">Checklist steps with their state, who ran them, Graph request ids and verification</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Step</TableHead>
            <TableHead>Phase</TableHead>
            <TableHead>State</TableHead>
            <TableHead>By / when</TableHead>
            <TableHead>Graph request id</TableHead>
            <TableHead>Result</TableHead>
            {canRun && <TableHead><span className="sr-only">Actions</span></TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key} data-step={r.key}>
              <TableCell>
                <span className="font-medium">{r.title}</span>
                {r.mandatory && <span className="ml-1 text-xs text-muted-foreground">(required)</span>}
                {"instructions" in r && r.instructions && (
                  <details className="mt-1 text-xs text-muted-foreground">
                    <summary className="cursor-pointer">Manual step: how</summary>
                    <p className="mt-1 max-w-prose">{r.instructions}</p>
                  </details>
                )}
              </TableCell>
              <TableCell>{PHASES[r.phase]}</TableCell>
              <TableCell><StepStateBadge state={r.state} /></TableCell>
              <TableCell className="text-xs">{r.doneBy ? `${r.doneBy}, ${formatDateTime(r.doneAt!)}` : "—"}</TableCell>
              <TableCell className="font-mono text-xs">{r.lastAction?.requestIds[0] ?? "—"}</TableCell>
              <TableCell className="max-w-sm text-xs">
                <StepResult row={r} />
              </TableCell>
              {canRun && (
                <TableCell>
                  <StepControls ticketId={ticketId} row={r} findings={snapshot?.findings ?? null} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
