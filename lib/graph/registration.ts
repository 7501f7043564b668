import type { TenantGraph } from "./client";
import { listAll } from "./request";

export type UserRegistration = { id: string; userPrincipalName: string; displayName: string | null; isAdmin: boolean; isMfaRegistered: boolean; isMfaCapable: boolean; methodsRegistered: string[] };

type Row = { id: string; userPrincipalName: string; userDisplayName?: string | null; isAdmin?: boolean; isMfaRegistered?: boolean; isMfaCapable?: boolean; methodsRegistered?: string[] };

/** Tenant-wide MFA registration (Entra ID P1): who has registered a second factor. */
export async function listUserRegistrationDetails(g: TenantGraph): Promise<{ users: UserRegistration[]; requestIds: string[] }> {
  const { items, requestIds } = await listAll<Row>(g, { op: "listRegistrationDetails", path: "/reports/authenticationMethods/userRegistrationDetails" });
  return {
    users: items.map((r) => ({
      id: r.id,
      userPrincipalName: r.userPrincipalName,
      displayName: r.userDisplayName ?? null,
      isAdmin: r.isAdmin ?? false,
      isMfaRegistered: r.isMfaRegistered ?? false,
      isMfaCapable: r.isMfaCapable ?? false,
      methodsRegistered: r.methodsRegistered ?? [],
    })),
    requestIds,
  };
}
