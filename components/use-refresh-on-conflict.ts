"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ErrorForBrowser } from "@/lib/errors";

/**
 * After a conflict, re-render the page's server data so the form gets the latest version (and the
 * page shows the other person's change) while its uncontrolled inputs keep what the user typed.
 * The next save then applies on top of the change the user has now seen.
 */
export function useRefreshOnConflict(serverError: ErrorForBrowser | undefined) {
  const router = useRouter();
  const isConflict = serverError?.code === "CONFLICT";
  useEffect(() => {
    if (isConflict) router.refresh();
  }, [isConflict, serverError, router]);
  return isConflict;
}
