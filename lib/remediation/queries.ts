import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { SnapshotFindings } from "@/lib/investigation/queries";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { flaggedItems, goneItemIds, isItemStep } from "./eradication";
import { DEFAULT_METHOD_CODE, readOnlyRuleInstructions } from "./manual-removal";
import { CHECKLIST_STEPS, CONTAINMENT_STEPS, type ChecklistStepDef } from "./steps";

/**
 * A flagged item of an eradication step, and whether the tenant's last re-read (or its own removal)
 * shows it gone. manual: Graph cannot remove it (a read-only rule, the user's default MFA phone):
 * what to do by hand instead.
 */
export type ChecklistItem = { id: string; label: string; removed: boolean; manual: string | null; readOnly: boolean };

export type ChecklistRow = ChecklistStepDef & {
  state: string;
  reason: string | null;
  notes: string | null;
  doneAt: Date | null;
  doneBy: string | null;
  lastAction: {
    status: string;
    requestIds: string[];
    clientRequestIds: string[];
    verified: boolean | null;
    observed: string | null;
    errorMessage: string | null;
    errorCode: string | null;
    finishedAt: Date | null;
    verifyingUntil: Date | null;
    nextCheckAt: Date | null;
  } | null;
  /** Eradication steps that remove items: every item the snapshots flagged. */
  items?: ChecklistItem[];
  /** The approval a waiting row is held by, when it is decided and ready to run. */
  approved: { by: string | null; at: Date | null } | null;
};

type Verification = { observed?: string; checked?: string[]; remaining?: string[] } | null;

/** The ticket's checklist: every step of the catalogue with its recorded state and last run. */
export async function getChecklist(db: Db, viewer: Viewer, ticketId: string, upn = ""): Promise<ChecklistRow[]> {
  const scope = { ticketId, ticket: ticketAccessFor(viewer) };
  const [rows, snapshots, itemActions, approvals] = await Promise.all([
    db.checklistStep.findMany({ where: scope }),
    db.investigationSnapshot.findMany({ where: scope, orderBy: { takenAt: "asc" }, select: { findings: true } }),
    db.remediationAction.findMany({
      where: { ...scope, kind: { in: CHECKLIST_STEPS.map((s) => s.key).filter(isItemStep) }, status: { in: ["SUCCEEDED", "FAILED"] } },
      orderBy: { finishedAt: "asc" },
      select: { kind: true, params: true, verified: true, verification: true, status: true, errorCode: true, errorMessage: true },
    }),
    db.approval.findMany({
      where: { ...scope, status: "APPROVED" },
      select: { stepKey: true, decidedAt: true, decidedBy: { select: { name: true } } },
    }),
  ]);
  const actionIds = rows.map((r) => r.lastActionId).filter((id): id is string => Boolean(id));
  const [actions, users] = await Promise.all([
    db.remediationAction.findMany({ where: { id: { in: actionIds } } }),
    db.user.findMany({
      where: { id: { in: rows.map((r) => r.doneById).filter((id): id is string => Boolean(id)) } },
      select: { id: true, name: true },
    }),
  ]);
  const findings = snapshots.map((s) => (s.findings ?? {}) as Partial<SnapshotFindings>);
  const now = new Date();
  return CHECKLIST_STEPS.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    const action = actions.find((a) => a.id === row?.lastActionId);
    // "Verifying…" only while a run is still reading: past its bound nobody is, so it is Unconfirmed.
    const stale = row?.state === "VERIFYING" && (!action?.verifyingUntil || action.verifyingUntil.getTime() <= now.getTime());
    const state = stale ? (action?.status === "UNKNOWN" ? "UNKNOWN" : "UNCONFIRMED") : (row?.state ?? "TODO");
    const held =
      state === "WAITING_APPROVAL"
        ? approvals.find(
            (a) => a.stepKey === def.key || (a.stepKey === "containment" && (CONTAINMENT_STEPS as readonly string[]).includes(def.key)),
          )
        : undefined;
    return {
      ...def,
      state,
      reason: row?.reason ?? null,
      notes: row?.notes ?? null,
      doneAt: row?.doneAt ?? null,
      doneBy: users.find((u) => u.id === row?.doneById)?.name ?? null,
      lastAction: action
        ? {
            status: action.status,
            requestIds: action.requestIds,
            clientRequestIds: action.clientRequestIds,
            verified: action.verified,
            observed: (action.verification as Verification)?.observed ?? null,
            errorMessage: action.errorMessage,
            errorCode: action.errorCode,
            finishedAt: action.finishedAt,
            verifyingUntil: action.verifyingUntil,
            nextCheckAt: action.nextCheckAt,
          }
        : null,
      items: isItemStep(def.key)
        ? itemsOf(
            def.key,
            findings,
            itemActions.filter((a) => a.kind === def.key),
            upn,
          )
        : undefined,
      approved: held ? { by: held.decidedBy?.name ?? null, at: held.decidedAt } : null,
    };
  });
}

type ItemAction = {
  params: unknown;
  verified: boolean | null;
  verification: unknown;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
};

/**
 * Gone = its own removal was verified, or the latest re-read that checked it no longer found it.
 * Manual = Graph cannot remove it: a read-only rule (known from the snapshot), or a removal Graph
 * refused for good (the default MFA phone), with the refusal's explanation.
 */
function itemsOf(
  step: Parameters<typeof flaggedItems>[0],
  findings: Partial<SnapshotFindings>[],
  actions: ItemAction[],
  upn: string,
): ChecklistItem[] {
  const gone = goneItemIds(actions);
  // The latest refusal for good (the default MFA phone) stands until a later run of that item.
  const manual = new Map<string, string>();
  for (const a of actions) {
    const p = (a.params ?? {}) as Record<string, string | undefined>;
    const id = p.ruleId ?? p.methodId ?? p.grantId;
    if (!id) continue;
    if (a.status === "FAILED" && a.errorCode === DEFAULT_METHOD_CODE && a.errorMessage) manual.set(id, a.errorMessage);
    else manual.delete(id);
  }
  return flaggedItems(step, findings).map((i) => ({
    id: i.id,
    label: i.label,
    removed: gone.has(i.id),
    readOnly: Boolean(i.readOnly),
    manual: i.readOnly ? readOnlyRuleInstructions(i.label, upn) : (manual.get(i.id) ?? null),
  }));
}
