"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { assignTicketAction, transitionTicketAction } from "@/lib/workflow/actions";

type Props = { ticketId: string; version: number; transitions: { key: "triage" | "resolve" | "close" | "reopen"; label: string }[]; viewerId: string; isAssignedToViewer: boolean };

export function TransitionButtons({ ticketId, version, transitions, viewerId, isAssignedToViewer }: Props) {
  const move = useAction(transitionTicketAction);
  const assign = useAction(assignTicketAction);
  const error = move.result.serverError ?? assign.result.serverError ?? assign.result.validationErrors?.fieldErrors.assigneeId?.join(" ");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!isAssignedToViewer && (
          <Button size="sm" variant="outline" disabled={assign.isPending} onClick={() => assign.execute({ ticketId, assigneeId: viewerId, version })}>
            Assign to me
          </Button>
        )}
        {transitions.map((t) => (
          <Button key={t.key} size="sm" variant={t.key === "close" ? "default" : "outline"} disabled={move.isPending} onClick={() => move.execute({ ticketId, transition: t.key, version })}>
            {t.label}
          </Button>
        ))}
      </div>
      {error && <Alert variant="destructive">{error}</Alert>}
    </div>
  );
}
