import type { UserRegistration } from "@/lib/graph/registration";

// Turns Graph's userRegistrationDetails into the numbers recorded on MfaCoverageCheck.

/** What the summary keeps of an account without a second factor. */
export type UserWithoutMfa = Pick<UserRegistration, "id" | "userPrincipalName" | "displayName" | "isAdmin" | "methodsRegistered">;

export type MfaCoverage = {
  totalUsers: number;
  mfaRegistered: number;
  mfaCapable: number;
  adminsWithoutMfa: number;
  /** Users not registered for MFA, admins first, then by sign-in name. */
  usersWithoutMfa: UserWithoutMfa[];
};

export function summariseMfaCoverage(users: readonly UserRegistration[]): MfaCoverage {
  const without = users
    .filter((u) => !u.isMfaRegistered)
    .map((u) => ({
      id: u.id,
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      methodsRegistered: u.methodsRegistered,
    }))
    .sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin) || a.userPrincipalName.localeCompare(b.userPrincipalName));
  return {
    totalUsers: users.length,
    mfaRegistered: users.filter((u) => u.isMfaRegistered).length,
    mfaCapable: users.filter((u) => u.isMfaCapable).length,
    adminsWithoutMfa: without.filter((u) => u.isAdmin).length,
    usersWithoutMfa: without,
  };
}

/** Percentage of users registered, rounded down so 99.6 % is never shown as "100 %". */
export function coveragePercent(c: Pick<MfaCoverage, "totalUsers" | "mfaRegistered">): number {
  return c.totalUsers === 0 ? 0 : Math.floor((c.mfaRegistered / c.totalUsers) * 100);
}
