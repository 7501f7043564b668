"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While the page shows an approval waiting for a decision, re-reads the page's server data every
 * ~10 s (router.refresh keeps what is typed in forms), so the engineer sees the decision without
 * reloading. Stops as soon as nothing is pending, and while the tab is hidden.
 */
export function RefreshWhilePending({ active, everyMs = 10_000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
