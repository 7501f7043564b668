"use client";

import { useEffect, useRef } from "react";
import { useSettleVerification } from "./use-settle-verification";

/**
 * Rendered by the checklist while a run's steps are Verifying…: keeps reading the tenant on the
 * server until they show (or the run's bound passes), so the rows say "Verifying…" exactly while
 * that is true, and settle by themselves. Once per run (its deadline), also after a reload.
 */
export function SettleWhileVerifying({ ticketId, until }: { ticketId: string; until: string | null }) {
  const { settle } = useSettleVerification(ticketId);
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!until || started.current === until) return;
    started.current = until;
    settle();
  }, [until, settle]);
  return null;
}
