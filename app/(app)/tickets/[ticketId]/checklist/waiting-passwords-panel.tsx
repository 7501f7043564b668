import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { listWaitingPasswords } from "@/lib/remediation/temporary-password";
import { formatDateTime } from "@/lib/utils/dates";
import { RevealPasswordButton } from "./reveal-password-button";

/**
 * Temporary passwords a reset set but nobody has seen yet (the run's page went away, or the
 * server stopped mid-run): revealed once, by the engineer who ran it or, with a reason, by a
 * colleague; erased at expiry.
 */
export async function WaitingPasswordsPanel({ db, viewer, ticketId }: { db: Db; viewer: Viewer; ticketId: string }) {
  const waiting = await listWaitingPasswords(db, viewer, ticketId);
  if (waiting.length === 0) return null;
  return (
    <div className="space-y-2 rounded-md border border-amber-300 p-3" aria-label="Passwords waiting to be shown">
      <h3 className="text-sm font-semibold">A temporary password is waiting to be shown</h3>
      <ul className="space-y-2 text-sm">
        {waiting.map((w) => (
          <li key={w.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Reset of {w.account} by {w.ownerId === viewer.id ? "you" : (w.ownerName ?? "another engineer")} at{" "}
              {formatDateTime(w.createdAt)}
              {w.stepStatus === "UNKNOWN" ? " (Graph did not confirm it: it may be in force)" : ""}. Kept until{" "}
              {formatDateTime(w.expiresAt)}.
            </span>
            <RevealPasswordButton
              passwordId={w.id}
              own={w.ownerId === viewer.id}
              note={w.stepStatus === "UNKNOWN" ? "Graph did not confirm this reset, so this password may or may not be in force." : null}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
