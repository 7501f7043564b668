import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "./record-ticket-event";

type Intake = { title: string; symptoms: string[]; symptomsNote: string | null; detectedAt: Date };

/** The fields that changed, as {field: {from, to}}: the edit history kept in the audit log. */
export function intakeChanges(before: Intake, after: Intake): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (before.title !== after.title) changes.title = { from: before.title, to: after.title };
  if ([...before.symptoms].sort().join() !== [...after.symptoms].sort().join())
    changes.symptoms = { from: before.symptoms, to: after.symptoms };
  if ((before.symptomsNote ?? "") !== (after.symptomsNote ?? ""))
    changes.symptomsNote = { from: before.symptomsNote, to: after.symptomsNote };
  if (before.detectedAt.getTime() !== after.detectedAt.getTime())
    changes.detectedAt = { from: before.detectedAt.toISOString(), to: after.detectedAt.toISOString() };
  return changes;
}

/** Stage 1 as corrected by the engineer; every change is kept with who, when, before and after. */
export async function updateIntake(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; version: number; title: string; symptoms: string[]; symptomsNote: string; detectedAt: Date },
) {
  assertCan(viewer, "tickets.work");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, {
    id: true,
    number: true,
    tenantId: true,
    status: true,
    title: true,
    symptoms: true,
    symptomsNote: true,
    detectedAt: true,
  });
  if (ticket.status === "CLOSED") throw new AppError("INVALID_STATE", "The ticket is closed: reopen it to edit the intake.");
  const after = { title: input.title, symptoms: input.symptoms, symptomsNote: input.symptomsNote || null, detectedAt: input.detectedAt };
  const changes = intakeChanges(ticket, after);
  if (Object.keys(changes).length === 0) return { changed: [] as string[] };
  await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await recordTicketEvent(tx, viewer.id, ticket, { action: "ticket.intake_edited", details: JSON.parse(JSON.stringify({ changes })) });
  });
  return { changed: Object.keys(changes) };
}
