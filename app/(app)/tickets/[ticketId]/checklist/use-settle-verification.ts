"use client";

import { useAction } from "next-safe-action/hooks";
import { verifyStepsAction } from "@/lib/remediation/actions";

/** Keeps reading on the server (verifyStepsAction "settle") until the accepted writes show or the run's bound passes. */
export function useSettleVerification(ticketId: string) {
  const { execute, isPending } = useAction(verifyStepsAction);
  return { settle: () => execute({ ticketId, mode: "settle" }), isSettling: isPending };
}
