import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { CHECKLIST_STEPS, type ChecklistStepDef } from "./steps";

export type ChecklistRow = ChecklistStepDef & {
  state: string;
  reason: string | null;
  notes: string | null;
  doneAt: Date | null;
  doneBy: string | null;
  lastAction: { status: string; requestIds: string[]; verified: boolean | null; observed: string | null; errorMessage: string | null; finishedAt: Date | null } | null;
};

/** The ticket's checklist: every step of the catalogue with its recorded state and last run. */
export async function getChecklist(db: Db, viewer: Viewer, ticketId: string): Promise<ChecklistRow[]> {
  const rows = await db.checklistStep.findMany({ where: { ticketId, ticket: ticketScopeFor(viewer) } });
  const actionIds = rows.map((r) => r.lastActionId).filter((id): id is string => Boolean(id));
  const [actions, users] = await Promise.all([
    db.remediationAction.findMany({ where: { id: { in: actionIds } } }),
    db.user.findMany({ where: { id: { in: rows.map((r) => r.doneById).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true } }),
  ]);
  return CHECKLIST_STEPS.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    const action = actions.find((a) => a.id === row?.lastActionId);
    return {
      ...def,
      state: row?.state ?? "TODO",
      reason: row?.reason ?? null,
      notes: row?.notes ?? null,
      doneAt: row?.doneAt ?? null,
      doneBy: users.find((u) => u.id === row?.doneById)?.name ?? null,
      lastAction: action
        ? { status: action.status, requestIds: action.requestIds, verified: action.verified, observed: (action.verification as { observed?: string } | null)?.observed ?? null, errorMessage: action.errorMessage, finishedAt: action.finishedAt }
        : null,
    };
  });
}
