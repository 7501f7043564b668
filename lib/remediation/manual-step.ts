import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { markContainedIfVerified } from "./mark-contained";
import { CONTAINMENT_STEPS, stepDef } from "./steps";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

/**
 * Records a step done by hand, skipped with a reason, or not applicable (with a reason). Setting
 * aside a containment step can settle containment: the same rule as a run decides (mark-contained.ts).
 */
export async function recordManualStep(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; stepKey: string; state: "DONE" | "SKIPPED" | "NOT_APPLICABLE"; note?: string },
) {
  assertCan(viewer, "tickets.work");
  const def = stepDef(input.stepKey);
  if (!def) throw new AppError("INVALID_INPUT", "Unknown checklist step.");
  if (input.state === "DONE" && def.kind === "AUTOMATED")
    throw new AppError("INVALID_INPUT", "Run this step through Graph instead of marking it done.");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "record checklist steps");
  return db.$transaction(async (tx) => {
    const data = {
      state: input.state,
      reason: input.state === "DONE" ? null : (input.note ?? null),
      notes: input.state === "DONE" ? (input.note ?? null) : null,
      doneById: viewer.id,
      doneAt: new Date(),
    };
    await tx.checklistStep.upsert({
      where: { ticketId_key: { ticketId: ticket.id, key: input.stepKey } },
      create: { ticketId: ticket.id, key: input.stepKey, ...data },
      update: data,
    });
    await recordTicketEvent(tx, viewer.id, ticket, {
      action: `checklist.${input.state.toLowerCase()}`,
      details: { step: input.stepKey, note: input.note ?? null },
    });
    const contained = (CONTAINMENT_STEPS as readonly string[]).includes(input.stepKey)
      ? await markContainedIfVerified(tx, { ticketId: ticket.id, actorId: viewer.id })
      : false;
    return { contained };
  });
}
