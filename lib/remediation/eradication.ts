import type { SnapshotFindings } from "@/lib/investigation/queries";
import { methodLabel } from "@/lib/investigation/account-words";

// The eradication steps that remove one flagged item at a time (a rule, a method, a consent).
// A step is done only when every item the ticket's snapshots flagged for it is gone from the
// tenant; until then it is in progress ("1 of 2 removed"). Pure and tested.

export const ITEM_STEPS = ["remove-inbox-rules", "remove-auth-methods", "revoke-oauth-grants"] as const;
export type ItemStepKey = (typeof ITEM_STEPS)[number];

export const isItemStep = (key: string): key is ItemStepKey => (ITEM_STEPS as readonly string[]).includes(key);

/** One flagged item: `kind` is the method's kind (it names the collection Graph deletes it through); readOnly: a rule Graph cannot delete. */
export type FlaggedItem = { id: string; label: string; kind?: string; readOnly?: boolean };

const NOUN: Record<ItemStepKey, [string, string]> = {
  "remove-inbox-rules": ["inbox rule", "inbox rules"],
  "remove-auth-methods": ["sign-in method", "sign-in methods"],
  "revoke-oauth-grants": ["app consent", "app consents"],
};

export const itemNoun = (step: ItemStepKey, n = 1) => NOUN[step][n === 1 ? 0 : 1];

function itemsOf(step: ItemStepKey, f: Partial<SnapshotFindings>): FlaggedItem[] {
  if (step === "remove-inbox-rules")
    return (f.inboxRules ?? []).map((r) => ({ id: r.id, label: `“${r.name || "(no name)"}”`, ...(r.readOnly ? { readOnly: true } : {}) }));
  if (step === "remove-auth-methods")
    return (f.authMethods ?? []).map((m) => ({ id: m.id, label: methodLabel(m.kind, m.detail), kind: m.kind }));
  return (f.consents ?? []).map((c) => ({ id: c.id, label: `“${c.app}”` }));
}

/** Every item any snapshot flagged for the step, earliest snapshot first, each once. */
export function flaggedItems(step: ItemStepKey, snapshots: Partial<SnapshotFindings>[]): FlaggedItem[] {
  const seen = new Map<string, FlaggedItem>();
  for (const f of snapshots) for (const item of itemsOf(step, f ?? {})) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/** The item a run names (from the browser's params), or undefined for a re-check of the whole step. */
export function itemIdOf(step: ItemStepKey, params: { ruleId?: string; methodId?: string; grantId?: string }): string | undefined {
  return step === "remove-inbox-rules" ? params.ruleId : step === "remove-auth-methods" ? params.methodId : params.grantId;
}

export type ItemProgress = { total: number; removed: number; remaining: FlaggedItem[] };

export function progressOf(targets: FlaggedItem[], presentIds: Iterable<string>): ItemProgress {
  const present = new Set(presentIds);
  const remaining = targets.filter((t) => present.has(t.id));
  return { total: targets.length, removed: targets.length - remaining.length, remaining };
}

/** The checklist state the tenant's state gives the step: done only when nothing flagged is left. */
export function itemStepState(p: ItemProgress): "DONE" | "IN_PROGRESS" | "TODO" {
  return p.remaining.length === 0 ? "DONE" : p.removed > 0 ? "IN_PROGRESS" : "TODO";
}

/** What a run read back, in words: this item's fate, then the step's progress. */
export function progressText(
  step: ItemStepKey,
  p: ItemProgress,
  item: { label: string; gone: boolean; wasAlreadyGone: boolean } | null,
): string {
  const lead = item
    ? !item.gone
      ? `${item.label} is still there`
      : item.wasAlreadyGone
        ? `${item.label} was already gone`
        : `${item.label} is gone`
    : "Re-checked";
  const rest =
    p.total === 0
      ? `no ${itemNoun(step, 2)} were flagged`
      : p.remaining.length === 0
        ? p.total === 1
          ? `the flagged ${itemNoun(step)} is removed`
          : `all ${p.total} flagged ${itemNoun(step, 2)} are removed`
        : `${p.removed} of ${p.total} removed; still there: ${p.remaining.map((r) => r.label).join(", ")}`;
  return `${lead}; ${rest}`;
}

/** What a stored run of an item step says is gone: its own verified removal, or what its re-read no longer found. */
export function goneItemIds(actions: { params: unknown; verified: boolean | null; verification: unknown; status: string }[]): Set<string> {
  const gone = new Set<string>();
  for (const a of actions) {
    if (a.status === "FAILED") continue;
    const p = (a.params ?? {}) as Record<string, string | undefined>;
    const id = p.ruleId ?? p.methodId ?? p.grantId;
    if (id && a.verified === true) gone.add(id);
    const v = (a.verification ?? null) as { checked?: unknown; remaining?: unknown } | null;
    if (Array.isArray(v?.remaining) && Array.isArray(v?.checked))
      for (const c of v.checked as string[]) if (!(v.remaining as string[]).includes(c)) gone.add(c);
  }
  return gone;
}
