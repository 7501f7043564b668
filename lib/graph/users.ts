import { AppError, isAppError } from "@/lib/errors";
import { executeBatch, type BatchOutcome } from "./batch";
import type { TenantGraph } from "./client";
import { callGraph, listAll, odataQuote } from "./request";
import { roleName } from "./role-names";

/** mail: the primary SMTP address — what Exchange traces and what recipients saw; not always the UPN. */
export type GraphUser = {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  accountEnabled: boolean;
  mail: string | null;
  signInSessionsValidFromDateTime: string | null;
  lastPasswordChangeDateTime: string | null;
};

const SELECT = "id,userPrincipalName,displayName,accountEnabled,mail,signInSessionsValidFromDateTime,lastPasswordChangeDateTime";

/** The user by object id or UPN (never by SMTP address: /users/{id | userPrincipalName}), or null when the tenant has no such user. */
export async function getUser(g: TenantGraph, idOrUpn: string): Promise<GraphUser | null> {
  try {
    const { body } = await callGraph<Partial<GraphUser> & { id: string; userPrincipalName: string; accountEnabled: boolean }>(g, {
      op: "getUser",
      method: "GET",
      path: `/users/${encodeURIComponent(idOrUpn)}?$select=${SELECT}`,
    });
    return {
      ...body,
      displayName: body.displayName ?? null,
      mail: body.mail ?? null,
      signInSessionsValidFromDateTime: body.signInSessionsValidFromDateTime ?? null,
      lastPasswordChangeDateTime: body.lastPasswordChangeDateTime ?? null,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** A directory role the user holds (active: directly or through a group) or may activate (eligible, PIM). */
export type HeldRole = { name: string; via: "active" | "eligible" };

type MemberRow = { "@odata.type"?: string; id: string; displayName?: string; roleTemplateId?: string | null; isAssignableToRole?: boolean };

type Page<T> = { value: T[]; "@odata.nextLink"?: string };

/** A batch item's body, or its error thrown (the caller fails closed). */
function bodyOf<T>(outcome: BatchOutcome | undefined): T {
  if (!outcome || outcome.error)
    throw outcome?.error ?? new AppError("UPSTREAM_UNAVAILABLE", "Microsoft Graph left a read out of its answer.");
  return outcome.body as T;
}

/** The rest of a paged collection after its first page. */
async function restOf<T>(g: TenantGraph, op: "listUserRoles" | "listRoleEligibility", page: Page<T>): Promise<T[]> {
  const next = page["@odata.nextLink"];
  return next ? [...page.value, ...(await listAll<T>(g, { op, path: next })).items] : page.value;
}

/**
 * Every directory role the user holds, as a privileged-account check needs it: memberOf is not
 * transitive (user-list-memberof.md), so roles assigned to a role-assignable group are read
 * through transitiveMemberOf; PIM-eligible roles — which the user can activate at any time but
 * which are no membership at all — through roleEligibilityScheduleInstances, for the user and for
 * each role-assignable group it belongs to (eligibility can be granted to a group). Two round
 * trips: the user and its memberships, then the eligibilities. Null when the user does not exist;
 * throws when a read fails, so the caller fails closed.
 */
export async function listUserRoles(g: TenantGraph, idOrUpn: string): Promise<HeldRole[] | null> {
  const user = `/users/${encodeURIComponent(idOrUpn)}`;
  const first = await executeBatch(g, [
    { id: "user", op: "getUser", method: "GET", path: `${user}?$select=id` },
    { id: "memberOf", op: "listUserRoles", method: "GET", path: `${user}/transitiveMemberOf` },
  ]);
  if (first.get("user")?.error?.code === "NOT_FOUND") return null;
  const { id } = bodyOf<{ id: string }>(first.get("user"));
  const items = await restOf(g, "listUserRoles", bodyOf<Page<MemberRow>>(first.get("memberOf")));
  const active = items
    .filter((i) => i["@odata.type"] === "#microsoft.graph.directoryRole")
    .map((i): HeldRole => ({ name: i.displayName ?? roleName(i.roleTemplateId ?? ""), via: "active" }));
  const principals = [
    id,
    ...items.filter((i) => i["@odata.type"] === "#microsoft.graph.group" && i.isAssignableToRole).map((x) => x.id),
  ].slice(0, 20);
  const eligibility = await executeBatch(
    g,
    principals.map((principal, i) => ({
      id: String(i),
      op: "listRoleEligibility",
      method: "GET",
      path: `/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${encodeURIComponent(`principalId eq ${odataQuote(principal)}`)}`,
    })),
  );
  const eligible = (
    await Promise.all(
      principals.map((_, i) => restOf(g, "listRoleEligibility", bodyOf<Page<{ roleDefinitionId: string }>>(eligibility.get(String(i))))),
    )
  )
    .flat()
    .map((r): HeldRole => ({ name: roleName(r.roleDefinitionId), via: "eligible" }));
  const seen = new Set<string>();
  return [...active, ...eligible].filter((r) => !seen.has(`${r.via}:${r.name}`) && Boolean(seen.add(`${r.via}:${r.name}`)));
}
