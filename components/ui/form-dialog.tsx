"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { returnFocusOnClose } from "@/components/ui/return-focus";
import { useActionForm } from "@/components/use-action-form";
import type { ErrorForBrowser } from "@/lib/errors";

/** What the dialog needs of `useAction`'s answer. */
type ActionState = {
  result: { serverError?: ErrorForBrowser; validationErrors?: unknown };
  isPending: boolean;
  hasSucceeded: boolean;
  reset: () => void;
};

type Props = {
  action: ActionState;
  trigger: React.ReactElement;
  title: React.ReactNode;
  description: React.ReactNode;
  /** The form's accessible name. */
  formLabel: string;
  submitLabel: string;
  pendingLabel?: string;
  onSubmit: (form: FormData) => void;
  /** An alert dialog (role "alertdialog") for a move that asks why, such as reopening. */
  alert?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * A dialog holding one form sent through a server action. It clears the last answer when it
 * opens, shows the server's error above the fields, moves focus to the first invalid field,
 * refreshes the page's data after a conflict, closes when the action succeeds and
 * gives focus back to its trigger.
 */
export function FormDialog({
  action,
  trigger,
  title,
  description,
  formLabel,
  submitLabel,
  pendingLabel = "Saving…",
  onSubmit,
  alert = false,
  className,
  children,
}: Props) {
  const [open, setOpen] = useState(false);
  // Close when the action turns to succeeded, noticed during render (no effect needed).
  const [succeeded, setSucceeded] = useState(action.hasSucceeded);
  if (succeeded !== action.hasSucceeded) {
    setSucceeded(action.hasSucceeded);
    if (action.hasSucceeded) setOpen(false);
  }
  const { formRef, onSubmit: submit } = useActionForm(action.result, onSubmit);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const P = alert ? ALERT_PARTS : DIALOG_PARTS;
  return (
    <P.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        action.reset();
      }}
    >
      <P.Trigger asChild ref={triggerRef}>
        {trigger}
      </P.Trigger>
      <P.Content className={className} onCloseAutoFocus={(event) => returnFocusOnClose(event, triggerRef.current)}>
        <form ref={formRef} noValidate className="grid gap-4" aria-label={formLabel} onSubmit={submit}>
          <div className="grid gap-1">
            <P.Title>{title}</P.Title>
            <P.Description>{description}</P.Description>
          </div>
          {action.result.serverError?.message && <Alert variant="destructive">{action.result.serverError.message}</Alert>}
          {children}
          <DialogFooter>
            <P.Cancel asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </P.Cancel>
            <Button type="submit" disabled={action.isPending}>
              {action.isPending ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </P.Content>
    </P.Root>
  );
}

const DIALOG_PARTS = {
  Root: Dialog,
  Trigger: DialogTrigger,
  Content: DialogContent,
  Title: DialogTitle,
  Description: DialogDescription,
  Cancel: DialogClose,
};
const ALERT_PARTS = {
  Root: AlertDialog,
  Trigger: AlertDialogTrigger,
  Content: AlertDialogContent,
  Title: AlertDialogTitle,
  Description: AlertDialogDescription,
  Cancel: AlertDialogCancel,
};
