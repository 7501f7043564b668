"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { stageForHash, stageHref, type TicketStageId } from "@/lib/workflow/stages";

/**
 * Links to the one-page ticket (…#checklist) still land on their stage: a hash that names another
 * stage than the open one opens that stage, keeping the hash so the browser scrolls to it.
 */
export function LegacyHash({ ticketId, active }: { ticketId: string; active: TicketStageId }) {
  const router = useRouter();
  useEffect(() => {
    function follow() {
      const hash = window.location.hash.slice(1);
      const stage = stageForHash(hash);
      if (stage && stage !== active) router.replace(stageHref(ticketId, stage, hash));
    }
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [ticketId, active, router]);
  return null;
}
