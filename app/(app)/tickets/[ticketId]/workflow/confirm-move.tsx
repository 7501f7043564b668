"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

type Props = {
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** Shown in the dialog as a list: what is still in progress (a warning, not a block). */
  warnings?: string[];
  /** What the warnings are, above the list. */
  warningsHeading?: string;
  disabled?: boolean;
  primary?: boolean;
  onConfirm: () => void;
};

/** A status move that asks first (focus starts on Cancel; Escape cancels). */
export function ConfirmMove({
  label,
  title,
  description,
  confirmLabel,
  warnings = [],
  warningsHeading = "Still in progress (you can close anyway; the report shows it):",
  disabled,
  primary,
  onConfirm,
}: Props) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm" variant={primary ? "default" : "outline"} disabled={disabled}>
          {label}
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      confirmVariant="default"
      onConfirm={() => {
        setOpen(false);
        onConfirm();
      }}
    >
      {warnings.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-medium">{warningsHeading}</p>
          <ul className="mt-1 list-disc pl-5" aria-label={warningsHeading.replace(/[:(].*$/, "").trim()}>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDialog>
  );
}
