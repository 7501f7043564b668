import type { TenantGraph } from "./client";
import { listAll } from "./request";

export type UserRegistration = {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  isAdmin: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  methodsRegistered: string[];
};

type Row = {
  id: string;
  userPrincipalName: string;
  userDisplayName?: string | null;
  isAdmin?: boolean;
  isMfaRegistered?: boolean;
  isMfaCapable?: boolean;
  methodsRegistered?: string[];
};

/** Read at most this many users, and say so when the tenant has more ("first N of more"). */
export const MAX_REGISTRATIONS = 10_000;

/**
 * Tenant-wide MFA registration (Entra ID P1): who has registered a second factor. The report
 * "supports only the $filter and $orderBy" query parameters (no $top, no $select), so it is read
 * as Graph pages it.
 */
export async function listUserRegistrationDetails(
  g: TenantGraph,
): Promise<{ users: UserRegistration[]; requestIds: string[]; truncated: boolean }> {
  const { items, requestIds, truncated } = await listAll<Row>(
    g,
    { op: "listRegistrationDetails", path: "/reports/authenticationMethods/userRegistrationDetails" },
    MAX_REGISTRATIONS,
  );
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
    truncated,
  };
}
