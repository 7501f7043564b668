"use client";

import { Button, type ButtonProps } from "@/components/ui/button";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import type { ErrorForBrowser } from "@/lib/errors";

type Props = {
  /** `useAction`'s answer: the button is busy while it runs, and its error is shown beside it. */
  action: { isPending: boolean; result: { serverError?: ErrorForBrowser } };
  onClick: () => void;
  children: React.ReactNode;
  /** What the button says while the action runs (the same words when left out). */
  pendingLabel?: string;
  variant?: ButtonProps["variant"];
  /** Classes for the wrapper, which lays the button and its message out. */
  className?: string;
};

/**
 * A button that runs one server action, with no form: busy while it runs, the server's error
 * announced beside it (role alert), and the page's data refreshed after a conflict.
 */
export function ActionButton({ action, onClick, children, pendingLabel, variant, className = "inline-flex items-center gap-2" }: Props) {
  useRefreshOnConflict(action.result.serverError);
  return (
    <span className={className}>
      <Button type="button" size="sm" variant={variant} disabled={action.isPending} onClick={onClick}>
        {action.isPending && pendingLabel ? pendingLabel : children}
      </Button>
      {action.result.serverError?.message && (
        <span role="alert" className="text-xs text-destructive">
          {action.result.serverError.message}
        </span>
      )}
    </span>
  );
}
