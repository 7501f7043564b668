"use client";

import { useAction } from "next-safe-action/hooks";
import { verifyStepsAction } from "@/lib/remediation/actions";

/**
 * After a run whose writes Graph accepted but no read has shown yet: keep reading on the server
 * (verifyStepsAction "settle") while the rows, re-rendered by the run, say "Verifying…".
 */
export function useSettleVerification(ticketId: string) {
  const { execute, isPending, result } = useAction(verifyStepsAction);
  return { settle: () => execute({ ticketId, mode: "settle" }), isSettling: isPending, settled: result.data ?? null, settleError: result.serverError ?? null };
}
