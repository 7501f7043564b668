"use client";

import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { setUserActiveAction } from "@/lib/users/actions";

export function UserActiveToggle({ userId, email, isActive }: { userId: string; email: string; isActive: boolean }) {
  const { execute, isPending, result } = useAction(setUserActiveAction);
  return (
    <span className="inline-flex items-center gap-2">
      {result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {result.serverError?.message}
        </span>
      )}
      <Button
        size="sm"
        variant={isActive ? "outline" : "secondary"}
        disabled={isPending}
        aria-label={`${isActive ? "Deactivate" : "Reactivate"} ${email}`}
        onClick={() => execute({ userId, isActive: !isActive })}
      >
        {isActive ? "Deactivate" : "Reactivate"}
      </Button>
    </span>
  );
}
