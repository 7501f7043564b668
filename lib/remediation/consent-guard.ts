import type { OAuthGrant } from "@/lib/graph/consents";

// Revoking a consent goes through a tenant-wide path (DELETE /oauth2PermissionGrants/{id}), so
// before it the grant is read and judged: only the ticket's user's own consent (consentType
// Principal, principalId = the user's object id) is revoked from a ticket. Pure and tested.

export type ConsentVerdict = { action: "delete" } | { action: "already-gone" } | { action: "refuse"; message: string };

export function judgeConsentRevoke(grant: OAuthGrant | null, user: { id: string; upn: string }, app: string): ConsentVerdict {
  if (!grant) return { action: "already-gone" };
  if (grant.consentType === "AllPrincipals") {
    return {
      action: "refuse",
      message: `${app} holds admin consent for the whole tenant (every user), not ${user.upn}'s own consent, so it is not revoked from this ticket. Revoke it in the Microsoft Entra admin center (Enterprise applications → the app → Permissions) if the tenant no longer trusts the app.`,
    };
  }
  if (grant.consentType !== "Principal" || grant.principalId !== user.id) {
    return {
      action: "refuse",
      message: `That consent of ${app} belongs to another user, not ${user.upn}: it is not revoked from this ticket.`,
    };
  }
  return { action: "delete" };
}
