"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

export function MarkAllReadButton() {
  const { execute, isPending, result } = useAction(markNotificationsReadAction);
  return (
    <span className="flex items-center gap-2">
      <Button size="sm" variant="outline" disabled={isPending} onClick={() => execute({ all: true })}>
        Mark all as read
      </Button>
      {result.serverError?.message && (
        <span role="alert" className="text-xs">
          {result.serverError?.message}
        </span>
      )}
    </span>
  );
}
