import { cloneElement, isValidElement } from "react";
import { cn } from "@/lib/utils/cn";

type Props = {
  id: string;
  label: string;
  error?: string | string[];
  hint?: string;
  className?: string;
  children: React.ReactElement<Record<string, unknown>>;
};

/** Label + control + hint + error, with id, aria-describedby and aria-invalid wired to the control. */
export function FormField({ id, label, error, hint, className, children }: Props) {
  const message = Array.isArray(error) ? error.join(" ") : error;
  const describedBy = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, "aria-describedby": describedBy, "aria-invalid": message ? true : undefined })
    : children;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}
