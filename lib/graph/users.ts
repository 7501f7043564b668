import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { callGraph, listAll } from "./request";

export type GraphUser = { id: string; userPrincipalName: string; displayName: string | null; accountEnabled: boolean; mail: string | null; signInSessionsValidFromDateTime: string | null };

const SELECT = "id,userPrincipalName,displayName,accountEnabled,mail,signInSessionsValidFromDateTime";

/** The user by object id or UPN, or null when the tenant has no such user. */
export async function getUser(g: TenantGraph, idOrUpn: string): Promise<GraphUser | null> {
  try {
    const { body } = await callGraph<GraphUser>(g, { op: "getUser", method: "GET", path: `/users/${encodeURIComponent(idOrUpn)}?$select=${SELECT}` });
    return { ...body, displayName: body.displayName ?? null, mail: body.mail ?? null, signInSessionsValidFromDateTime: body.signInSessionsValidFromDateTime ?? null };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Names of the directory roles the user holds (an admin is a privileged account). */
export async function listUserRoles(g: TenantGraph, userId: string): Promise<string[]> {
  const { items } = await listAll<{ "@odata.type"?: string; displayName?: string }>(g, { op: "listUserRoles", path: `/users/${encodeURIComponent(userId)}/memberOf` });
  return items.filter((i) => i["@odata.type"] === "#microsoft.graph.directoryRole").map((i) => i.displayName ?? "");
}
