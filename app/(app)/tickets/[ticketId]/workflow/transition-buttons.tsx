"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { transitionTicketAction } from "@/lib/workflow/actions";
import { AssignControls } from "./assign-controls";
import { ConfirmMove } from "./confirm-move";
import { ReopenDialog } from "./reopen-dialog";

export type MoveKey = "triage" | "resolve" | "close" | "reopen";

type Props = {
  ticketId: string;
  ticketNumber: string;
  version: number;
  status: string;
  transitions: { key: MoveKey; label: string }[];
  viewerId: string;
  assigneeId: string | null;
  /** null: the viewer cannot assign (or the ticket is closed). */
  engineers: { id: string; name: string }[] | null;
  /** Closing is refused until these are settled; they are listed once, in the header's notice (id close-blockers). */
  closeBlocked: boolean;
  closeWarnings: string[];
  /** Required steps still open and a missing first response, said before resolving. */
  resolveWarnings: string[];
};

/** The ticket's next moves. Resolve, close and reopen ask first; reopen asks why. */
export function TransitionButtons({
  ticketId,
  ticketNumber,
  version,
  status,
  transitions,
  viewerId,
  assigneeId,
  engineers,
  closeBlocked,
  closeWarnings,
  resolveWarnings,
}: Props) {
  const move = useAction(transitionTicketAction);
  useRefreshOnConflict(move.result.serverError);
  const run = (key: MoveKey) => move.execute({ ticketId, transition: key, version });
  return (
    <div className="flex max-w-md flex-wrap items-center justify-end gap-2">
      {engineers && (
        <AssignControls
          ticketId={ticketId}
          version={version}
          status={status}
          viewerId={viewerId}
          assigneeId={assigneeId}
          engineers={engineers}
        />
      )}
      {transitions.map((t) => {
        if (t.key === "reopen")
          return (
            <ReopenDialog key={t.key} ticketId={ticketId} ticketNumber={ticketNumber} version={version} closed={status === "CLOSED"} />
          );
        if (t.key === "resolve") {
          return (
            <ConfirmMove
              key={t.key}
              label={t.label}
              disabled={move.isPending}
              onConfirm={() => run("resolve")}
              warnings={resolveWarnings}
              warningsHeading="Left to do (you can resolve anyway; closing needs the required steps):"
              title={`Resolve ${ticketNumber}?`}
              confirmLabel="Resolve ticket"
              description="The work is done and the account is secured: the SLA clocks stop. Closing comes next; you can still reopen it."
            />
          );
        }
        if (t.key === "close") {
          if (closeBlocked)
            return (
              <Button key={t.key} size="sm" disabled aria-describedby="close-blockers" title="See what is left before closing">
                {t.label}
              </Button>
            );
          return (
            <ConfirmMove
              key={t.key}
              primary
              label={t.label}
              disabled={move.isPending}
              onConfirm={() => run("close")}
              warnings={closeWarnings}
              title={`Close ${ticketNumber}?`}
              confirmLabel="Close ticket"
              description="The incident report is frozen as it stands and goes to a manager for review. To change the ticket afterwards, reopen it."
            />
          );
        }
        return (
          <Button key={t.key} size="sm" variant="outline" disabled={move.isPending} onClick={() => run(t.key)}>
            {t.label}
          </Button>
        );
      })}
      {move.result.serverError?.message && (
        <Alert variant="destructive" className="basis-full">
          {move.result.serverError?.message}
        </Alert>
      )}
    </div>
  );
}
