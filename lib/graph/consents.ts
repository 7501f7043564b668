import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { callGraph, listAll, odataQuote } from "./request";

export type OAuthConsent = { id: string; clientId: string; appName: string | null; consentType: string; scope: string };

/** One grant as Graph holds it: whose consent it is (principalId, null for AllPrincipals) decides who may revoke it here. */
export type OAuthGrant = { id: string; clientId: string; consentType: string; principalId: string | null; scope: string };

/** The user's own consents (app-only: the tenant-wide list filtered by principal). */
export async function listUserConsents(g: TenantGraph, userObjectId: string) {
  const filter = encodeURIComponent(`principalId eq ${odataQuote(userObjectId)}`);
  const { items, requestIds, truncated } = await listAll<{ id: string; clientId: string; consentType: string; scope: string }>(g, {
    op: "listGrants",
    path: `/oauth2PermissionGrants?$filter=${filter}`,
  });
  const names = new Map<string, string | null>();
  for (const clientId of new Set(items.map((i) => i.clientId))) {
    try {
      const sp = await callGraph<{ displayName?: string }>(g, {
        op: "getServicePrincipal",
        method: "GET",
        path: `/servicePrincipals/${clientId}?$select=id,displayName`,
      });
      names.set(clientId, sp.body.displayName ?? null);
    } catch {
      names.set(clientId, null); // the name is a nicety; the consent is still listed
    }
  }
  return { consents: items.map((i) => ({ ...i, appName: names.get(i.clientId) ?? null })), requestIds, truncated };
}

/**
 * The grant with this id (GET /oauth2PermissionGrants/{id}, oauth2permissiongrant-get.md — a
 * `$filter=id eq` is not among the list's documented filters), or null when the tenant has none
 * (already revoked).
 */
export async function getConsent(g: TenantGraph, grantId: string): Promise<{ grant: OAuthGrant | null; requestId: string | null }> {
  try {
    const { body, requestId } = await callGraph<OAuthGrant>(g, {
      op: "getGrant",
      method: "GET",
      path: `/oauth2PermissionGrants/${encodeURIComponent(grantId)}`,
    });
    return {
      grant: {
        id: body.id,
        clientId: body.clientId,
        consentType: body.consentType,
        principalId: body.principalId ?? null,
        scope: body.scope ?? "",
      },
      requestId,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return { grant: null, requestId: (error.details?.requestId as string | null | undefined) ?? null };
    throw error;
  }
}

/**
 * Deletes a grant by id: the path is tenant-wide, so callers must first check with getConsent
 * that the grant is the ticket's user's own (lib/remediation/consent-guard.ts).
 */
export async function deleteConsent(g: TenantGraph, grantId: string) {
  const { requestId, clientRequestId } = await callGraph(g, {
    op: "deleteGrant",
    method: "DELETE",
    path: `/oauth2PermissionGrants/${encodeURIComponent(grantId)}`,
  });
  return { requestId, clientRequestId };
}
