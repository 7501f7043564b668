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

/** The open state of a form dialog; pass `close` as the action's onSuccess. */
export function useFormDialog() {
  const [open, setOpen] = useState(false);
  return { open, setOpen, close: () => setOpen(false) };
}

/** What the dialog needs of `useAction`'s answer. */
type ActionState = {
  result: { serverError?: ErrorForBrowser; validationErrors?: unknown };
  isPending: boolean;
  reset: () => void;
};

type Props = {
  dialog: ReturnType<typeof useFormDialog>;
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
 * refreshes the page's data after a conflict, closes on success (through `dialog.close`) and
 * gives focus back to its trigger.
 */
export function FormDialog({
  dialog,
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
  const { formRef, onSubmit: submit } = useActionForm(action.result, onSubmit);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const P = alert ? ALERT_PARTS : DIALOG_PARTS;
  return (
    <P.Root
      open={dialog.open}
      onOpenChange={(next) => {
        dialog.setOpen(next);
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
