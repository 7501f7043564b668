"use client";

import { Ellipsis } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { StepRecordDialog, type RecordMode } from "./step-record-dialog";

type Props = { ticketId: string; stepKey: string; stepTitle: string; markDone: "button" | "menu" | null };

/**
 * "Mark done…" (a manual step's main action) and the row's More menu (Skip…, Not applicable…),
 * each opening the small dialog that asks for the note or reason.
 */
export function StepRecordControls({ ticketId, stepKey, stepTitle, markDone }: Props) {
  const [mode, setMode] = useState<RecordMode | null>(null);
  const more = useRef<HTMLButtonElement>(null);
  const fromMenu = useRef(false); // the open dialog came from the menu
  const opening = useRef(false); // the menu is closing because an item opens the dialog
  const openFromMenu = (m: RecordMode) => {
    fromMenu.current = true;
    opening.current = true;
    setMode(m);
  };
  return (
    <>
      {markDone === "button" && (
        <Button
          size="sm"
          variant="outline"
          onClick={() => {
            fromMenu.current = false;
            setMode("DONE");
          }}
        >
          Mark done…
        </Button>
      )}
      {/* Not modal: a modal menu handing over to a modal dialog can leave the page inert. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button ref={more} size="sm" variant="ghost" className="px-2" aria-label={`More actions for ${stepTitle}`}>
            <Ellipsis className="size-4" aria-hidden />
            <span className="sr-only sm:not-sr-only">More</span>
          </Button>
        </DropdownMenuTrigger>
        {/* The menu closes as the dialog opens: let the dialog take the focus, not the trigger. */}
        <DropdownMenuContent
          align="end"
          onCloseAutoFocus={(e) => {
            if (opening.current) e.preventDefault();
            opening.current = false;
          }}
        >
          {markDone === "menu" && <DropdownMenuItem onSelect={() => openFromMenu("DONE")}>Mark done…</DropdownMenuItem>}
          <DropdownMenuItem onSelect={() => openFromMenu("SKIPPED")}>Skip…</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => openFromMenu("NOT_APPLICABLE")}>Not applicable…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <StepRecordDialog
        ticketId={ticketId}
        stepKey={stepKey}
        stepTitle={stepTitle}
        mode={mode}
        onClose={() => setMode(null)}
        onCloseAutoFocus={(e) => {
          // Back to the control that opened it (a menu item is gone by then).
          if (!fromMenu.current) return;
          e.preventDefault();
          more.current?.focus();
        }}
      />
    </>
  );
}
