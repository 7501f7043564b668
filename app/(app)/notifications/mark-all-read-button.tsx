"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

export function MarkAllReadButton() {
  const action = useAction(markNotificationsReadAction);
  return (
    <ActionButton action={action} variant="outline" className="flex items-center gap-2" onClick={() => action.execute({ all: true })}>
      Mark all as read
    </ActionButton>
  );
}
