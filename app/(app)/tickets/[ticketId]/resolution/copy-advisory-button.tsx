"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies the advisory for sending by hand; falls back to a selection copy outside secure contexts. */
export function CopyAdvisoryButton({ getText }: { getText: () => string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const text = getText();
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        const ok = document.execCommand("copy");
        area.remove();
        if (!ok) throw new Error("copy refused");
      }
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="outline" size="sm" onClick={copy}>
        Copy advisory
      </Button>
      <span role="status" className="text-xs text-muted-foreground">
        {state === "copied" ? "Copied to the clipboard." : state === "failed" ? "Could not copy: select the text below and copy it." : ""}
      </span>
    </span>
  );
}
