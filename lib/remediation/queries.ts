import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { SnapshotFindings } from "@/lib/investigation/queries";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { flaggedItems, isItemStep } from "./eradication";
import { CHECKLIST_STEPS, CONTAINMENT_STEPS, type ChecklistStepDef } from "./steps";

/** A flagged item of an eradication step, and whether the tenant's last re-read (or its own removal) shows it gone. */
export type ChecklistItem = { id: string; label: string; removed: boolean };

export type ChecklistRow = ChecklistStepDef & {
  state: string;
  reason: string | null;
  notes: string | null;
  doneAt: Date | null;
  doneBy: string | null;
  lastAction: { status: string; requestIds: string[]; verified: boolean | null; observed: string | null; errorMessage: string | null; finishedAt: Date | null } | null;
  /** Eradication steps that remove items: every item the snapshots flagged. */
  items?: ChecklistItem[];
  /** The approval a waiting row is held by, when it is decided and ready to run. */
  approved: { by: string | null; at: Date | null } | null;
};

type Verification = { observed?: string; checked?: string[]; remaining?: string[] } | null;

/** The ticket's checklist: every step of the catalogue with its recorded state and last run. */
export async function getChecklist(db: Db, viewer: Viewer, ticketId: string): Promise<ChecklistRow[]> {
  const scope = { ticketId, ticket: ticketScopeFor(viewer) };
  const [rows, snapshots, itemActions, approvals] = await Promise.all([
    db.checklistStep.findMany({ where: scope }),
    db.investigationSnapshot.findMany({ where: scope, orderBy: { takenAt: "asc" }, select: { findings: true } }),
    db.remediationAction.findMany({
      where: { ...scope, kind: { in: CHECKLIST_STEPS.map((s) => s.key).filter(isItemStep) }, status: "SUCCEEDED" },
      orderBy: { finishedAt: "asc" },
      select: { kind: true, params: true, verified: true, verification: true },
    }),
    db.approval.findMany({ where: { ...scope, status: "APPROVED" }, select: { stepKey: true, decidedAt: true, decidedBy: { select: { name: true } } } }),
  ]);
  const actionIds = rows.map((r) => r.lastActionId).filter((id): id is string => Boolean(id));
  const [actions, users] = await Promise.all([
    db.remediationAction.findMany({ where: { id: { in: actionIds } } }),
    db.user.findMany({ where: { id: { in: rows.map((r) => r.doneById).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true } }),
  ]);
  const findings = snapshots.map((s) => (s.findings ?? {}) as Partial<SnapshotFindings>);
  return CHECKLIST_STEPS.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    const action = actions.find((a) => a.id === row?.lastActionId);
    const state = row?.state ?? "TODO";
    const held = state === "WAITING_APPROVAL" ? approvals.find((a) => a.stepKey === def.key || (a.stepKey === "containment" && (CONTAINMENT_STEPS as readonly string[]).includes(def.key))) : undefined;
    return {
      ...def,
      state,
      reason: row?.reason ?? null,
      notes: row?.notes ?? null,
      doneAt: row?.doneAt ?? null,
      doneBy: users.find((u) => u.id === row?.doneById)?.name ?? null,
      lastAction: action
        ? { status: action.status, requestIds: action.requestIds, verified: action.verified, observed: (action.verification as Verification)?.observed ?? null, errorMessage: action.errorMessage, finishedAt: action.finishedAt }
        : null,
      items: isItemStep(def.key) ? itemsOf(def.key, findings, itemActions.filter((a) => a.kind === def.key)) : undefined,
      approved: held ? { by: held.decidedBy?.name ?? null, at: held.decidedAt } : null,
    };
  });
}

type ItemAction = { params: unknown; verified: boolean | null; verification: unknown };

/** Gone = its own removal was verified, or the latest re-read that checked it no longer found it. */
function itemsOf(step: Parameters<typeof flaggedItems>[0], findings: Partial<SnapshotFindings>[], actions: ItemAction[]): ChecklistItem[] {
  const gone = new Set<string>();
  for (const a of actions) {
    const p = (a.params ?? {}) as Record<string, string | undefined>;
    const id = p.ruleId ?? p.methodId ?? p.grantId;
    if (id && a.verified === true) gone.add(id);
    const v = a.verification as Verification;
    if (Array.isArray(v?.remaining) && Array.isArray(v?.checked)) for (const c of v.checked) if (!v.remaining.includes(c)) gone.add(c);
  }
  return flaggedItems(step, findings).map((i) => ({ id: i.id, label: i.label, removed: gone.has(i.id) }));
}

/** Approvals still waiting for a decision that the viewer can see (one ticket's, or all in scope). */
export async function countPendingApprovals(db: Db, viewer: Viewer, ticketId?: string): Promise<number> {
  return db.approval.count({ where: { status: "PENDING", ...(ticketId ? { ticketId } : {}), ticket: ticketScopeFor(viewer) } });
}
