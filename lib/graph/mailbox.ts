import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { callGraph, listAll } from "./request";

/**
 * An inbox rule (messagerule.md). readOnly: conditions Graph cannot model — the rule comes with
 * empty conditions and actions and "cannot be modified or deleted by the rules REST API", so it is
 * removed by hand. actions.moveToFolder is a folder id (messageruleactions.md); moveToFolderName
 * is that folder's name, when it could be read.
 */
export type InboxRule = {
  id: string;
  displayName: string;
  isEnabled: boolean;
  readOnly: boolean;
  conditions: Record<string, unknown>;
  actions: {
    forwardTo?: unknown[];
    forwardAsAttachmentTo?: unknown[];
    redirectTo?: unknown[];
    delete?: boolean;
    permanentDelete?: boolean;
    moveToFolder?: string;
    markAsRead?: boolean;
    stopProcessingRules?: boolean;
  };
  moveToFolderName?: string | null;
};

type Row = Omit<InboxRule, "readOnly" | "moveToFolderName"> & { isReadOnly?: boolean | null };

const rules = (userId: string) => `/users/${encodeURIComponent(userId)}/mailFolders/inbox/messageRules`;

/** The folder's display name, or null when it cannot be read (the id is all Graph gave; the name is a nicety). */
export async function getMailFolderName(g: TenantGraph, userId: string, folderId: string): Promise<string | null> {
  try {
    const { body } = await callGraph<{ displayName?: string }>(g, {
      op: "getMailFolder",
      method: "GET",
      path: `/users/${encodeURIComponent(userId)}/mailFolders/${encodeURIComponent(folderId)}?$select=id,displayName`,
    });
    return body.displayName ?? null;
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/** folderNames false: a re-read that only needs which rules are there (no folder reads). */
export async function listInboxRules(g: TenantGraph, userId: string, options: { folderNames?: boolean } = {}) {
  const { items, requestIds, truncated } = await listAll<Row>(g, { op: "listInboxRules", path: rules(userId) });
  const folderIds =
    options.folderNames === false ? [] : [...new Set(items.map((r) => r.actions?.moveToFolder).filter((id): id is string => Boolean(id)))];
  const names = new Map(await Promise.all(folderIds.map(async (id) => [id, await getMailFolderName(g, userId, id)] as const)));
  return {
    rules: items.map(({ isReadOnly, ...r }): InboxRule => ({
      ...r,
      readOnly: isReadOnly === true,
      conditions: r.conditions ?? {},
      actions: r.actions ?? {},
      ...(r.actions?.moveToFolder ? { moveToFolderName: names.get(r.actions.moveToFolder) ?? null } : {}),
    })),
    requestIds,
    truncated,
  };
}

export async function deleteInboxRule(g: TenantGraph, userId: string, ruleId: string) {
  const { requestId, clientRequestId } = await callGraph(g, {
    op: "deleteInboxRule",
    method: "DELETE",
    path: `${rules(userId)}/${encodeURIComponent(ruleId)}`,
  });
  return { requestId, clientRequestId };
}
