import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { SnapshotFindings } from "@/lib/investigation/queries";
import { flaggedItems, itemIdOf, itemNoun, type FlaggedItem, type ItemStepKey } from "./eradication";
import type { StepParams } from "./step-operations";

/** Every item the ticket's snapshots flagged for the step, earliest snapshot first. */
export async function loadFlaggedItems(db: Db, ticketId: string, step: ItemStepKey): Promise<FlaggedItem[]> {
  const snapshots = await db.investigationSnapshot.findMany({
    where: { ticketId },
    orderBy: { takenAt: "asc" },
    select: { findings: true },
  });
  return flaggedItems(
    step,
    snapshots.map((s) => (s.findings ?? {}) as Partial<SnapshotFindings>),
  );
}

/**
 * The item a run removes, judged on the server: only one the ticket's own snapshots flagged (so
 * never another user's rule, method or consent), with the method's kind taken from the finding.
 * No item named = a re-check of the step, which writes nothing.
 */
export async function resolveItem(db: Db, ticket: { id: string; affectedUpn: string }, step: ItemStepKey, params: StepParams) {
  const targets = await loadFlaggedItems(db, ticket.id, step);
  const id = itemIdOf(step, params);
  if (!id) return { item: null, targets, params: {} as StepParams };
  const item = targets.find((t) => t.id === id);
  if (!item)
    throw new AppError(
      "INVALID_INPUT",
      `That ${itemNoun(step)} is not one the evidence snapshot flagged for ${ticket.affectedUpn}: only flagged items are removed from this ticket.`,
    );
  const serverParams: StepParams =
    step === "remove-inbox-rules"
      ? { ruleId: id }
      : step === "remove-auth-methods"
        ? { methodId: id, methodKind: item.kind }
        : { grantId: id };
  return { item, targets, params: serverParams };
}
