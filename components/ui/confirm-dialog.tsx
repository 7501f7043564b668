"use client";

import { useRef } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button, type ButtonProps } from "@/components/ui/button";
import { returnFocusOnClose } from "@/components/ui/return-focus";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it; left out when the dialog is opened from elsewhere. */
  trigger?: React.ReactElement;
  title: React.ReactNode;
  description: React.ReactNode;
  /** What else the person should see before confirming: warnings, a preview, an error. */
  children?: React.ReactNode;
  confirmLabel: React.ReactNode;
  confirmVariant?: ButtonProps["variant"];
  confirmDisabled?: boolean;
  onConfirm: () => void;
  className?: string;
};

/**
 * Asks before an action that is hard to undo: focus starts on Cancel, Escape cancels, and focus
 * returns to the trigger afterwards, even when the trigger is disabled while the action runs.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  confirmLabel,
  confirmVariant = "destructive",
  confirmDisabled,
  onConfirm,
  className,
}: Props) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      {trigger && (
        <AlertDialogTrigger asChild ref={triggerRef}>
          {trigger}
        </AlertDialogTrigger>
      )}
      <AlertDialogContent className={className} onCloseAutoFocus={(event) => returnFocusOnClose(event, triggerRef.current)}>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
        {children}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <Button type="button" variant={confirmVariant} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
