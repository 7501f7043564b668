import type { TenantGraph } from "./client";
import { callGraph, listAll } from "./request";

export type InboxRule = {
  id: string;
  displayName: string;
  isEnabled: boolean;
  conditions: Record<string, unknown>;
  actions: { forwardTo?: unknown[]; forwardAsAttachmentTo?: unknown[]; redirectTo?: unknown[]; delete?: boolean; permanentDelete?: boolean; moveToFolder?: string; markAsRead?: boolean; stopProcessingRules?: boolean };
};

const rules = (userId: string) => `/users/${encodeURIComponent(userId)}/mailFolders/inbox/messageRules`;

export async function listInboxRules(g: TenantGraph, userId: string) {
  const { items, requestIds } = await listAll<InboxRule>(g, { op: "listInboxRules", path: rules(userId) });
  return { rules: items.map((r) => ({ ...r, conditions: r.conditions ?? {}, actions: r.actions ?? {} })), requestIds };
}

export async function deleteInboxRule(g: TenantGraph, userId: string, ruleId: string) {
  const { requestId } = await callGraph(g, { op: "deleteInboxRule", method: "DELETE", path: `${rules(userId)}/${encodeURIComponent(ruleId)}` });
  return { requestId };
}
