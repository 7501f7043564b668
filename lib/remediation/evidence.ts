import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { takeSnapshot } from "@/lib/investigation/snapshot";
import { getLogger } from "@/lib/logger";
import { stepDef } from "./steps";

// Evidence before change. Steps that delete what the snapshot keeps (a rule, a method, a
// consent) wait for the snapshot; containment, which changes nothing the snapshot reads, takes
// it alongside itself when the ticket has none yet.

export type SnapshotAlongside = { status: "existing" | "taken" | "failed" | "not-run"; message: string | null };

export async function hasSnapshot(db: Db, ticketId: string): Promise<boolean> {
  return (await db.investigationSnapshot.count({ where: { ticketId } })) > 0;
}

/** Refuses an evidence-destroying step while the ticket has no snapshot. */
export async function assertEvidenceKept(db: Db, ticketId: string, stepKey: string) {
  const def = stepDef(stepKey);
  if (!def?.destroysEvidence || (await hasSnapshot(db, ticketId))) return;
  throw new AppError("INVALID_STATE", `Take the evidence snapshot first: “${def.title}” deletes evidence the snapshot keeps.`);
}

/** Takes the snapshot when the ticket has none; never throws, so containment's record is always written. */
export async function snapshotAlongside(db: Db, viewer: Viewer, ticketId: string, graph: TenantGraph): Promise<SnapshotAlongside> {
  if (await hasSnapshot(db, ticketId)) return { status: "existing", message: null };
  try {
    const snap = await takeSnapshot(db, viewer, { ticketId }, { graph, alongside: "containment" });
    const gaps = Object.keys(snap.gaps);
    return {
      status: "taken",
      message: `The evidence snapshot was taken alongside containment${gaps.length ? ` (not read: ${gaps.join(", ")})` : ""}.`,
    };
  } catch (error) {
    if (!isAppError(error)) getLogger().error({ err: error, ticketId }, "snapshot alongside containment failed");
    return {
      status: "failed",
      message: `The evidence snapshot could not be taken alongside containment: ${isAppError(error) ? error.message : "unexpected error"} Take it from the checklist.`,
    };
  }
}
