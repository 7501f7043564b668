import type { TenantGraph } from "./client";
import { listAll, odataQuote } from "./request";

export type SignInRecord = {
  id: string;
  at: Date;
  ipAddress: string;
  country: string | null;
  city: string | null;
  clientApp: string;
  appName: string;
  errorCode: number;
  failureReason: string | null;
};

type SignInRow = {
  id: string;
  createdDateTime: string;
  ipAddress: string;
  clientAppUsed?: string;
  appDisplayName?: string;
  location?: { city?: string; countryOrRegion?: string };
  status?: { errorCode?: number; failureReason?: string | null };
};

/** The snapshot reads this many sign-ins at most (newest first) and says so when there were more. */
export const MAX_SIGN_INS = 2_000;
export const MAX_AUDITS = 1_000;

export async function listSignIns(g: TenantGraph, userObjectId: string, since: Date) {
  const filter = encodeURIComponent(`userId eq ${odataQuote(userObjectId)} and createdDateTime ge ${since.toISOString()}`);
  const { items, requestIds, truncated } = await listAll<SignInRow>(
    g,
    { op: "listSignIns", path: `/auditLogs/signIns?$filter=${filter}&$top=1000` },
    MAX_SIGN_INS,
  );
  const signIns: SignInRecord[] = items.map((s) => ({
    id: s.id,
    at: new Date(s.createdDateTime),
    ipAddress: s.ipAddress,
    country: s.location?.countryOrRegion ?? null,
    city: s.location?.city ?? null,
    clientApp: s.clientAppUsed ?? "",
    appName: s.appDisplayName ?? "",
    errorCode: s.status?.errorCode ?? 0,
    failureReason: s.status?.failureReason ?? null,
  }));
  return { signIns, requestIds, truncated };
}

export type AuditRecord = { id: string; at: Date; activity: string; category: string; result: string; initiatedBy: string | null };

type AuditRow = {
  id: string;
  activityDateTime: string;
  activityDisplayName: string;
  category: string;
  result: string;
  initiatedBy?: { user?: { userPrincipalName?: string } | null; app?: { displayName?: string } | null };
};

/** Directory audits the user initiated since the date. */
export async function listDirectoryAudits(g: TenantGraph, userObjectId: string, since: Date) {
  const filter = encodeURIComponent(`initiatedBy/user/id eq ${odataQuote(userObjectId)} and activityDateTime ge ${since.toISOString()}`);
  const { items, requestIds, truncated } = await listAll<AuditRow>(
    g,
    { op: "listDirectoryAudits", path: `/auditLogs/directoryAudits?$filter=${filter}` },
    MAX_AUDITS,
  );
  const audits: AuditRecord[] = items.map((a) => ({
    id: a.id,
    at: new Date(a.activityDateTime),
    activity: a.activityDisplayName,
    category: a.category,
    result: a.result,
    initiatedBy: a.initiatedBy?.user?.userPrincipalName ?? a.initiatedBy?.app?.displayName ?? null,
  }));
  return { audits, requestIds, truncated };
}

// Password resets the app made, as the directory audit records them ("Reset user password",
// initiated by the app, the user as target). Graph cannot read a password back; the user's
// lastPasswordChangeDateTime is read first (verification), and this is the fallback evidence —
// audits can take minutes to appear on a real tenant.
export const PASSWORD_RESET_ACTIVITY = "Reset user password";

type TargetAuditRow = {
  activityDateTime: string;
  activityDisplayName: string;
  result?: string;
  targetResources?: { id?: string; userPrincipalName?: string | null }[];
};

export function passwordResetAuditsPath(since: Date): string {
  const filter = encodeURIComponent(
    `activityDisplayName eq ${odataQuote(PASSWORD_RESET_ACTIVITY)} and activityDateTime ge ${since.toISOString()}`,
  );
  return `/auditLogs/directoryAudits?$filter=${filter}&$top=100`;
}

/** The times of successful resets of this user (object id or UPN) in an audit page's rows. */
export function passwordResetTimes(rows: unknown, userIdOrUpn: string): Date[] {
  const key = userIdOrUpn.toLowerCase();
  return ((rows ?? []) as TargetAuditRow[])
    .filter((a) => a.activityDisplayName === PASSWORD_RESET_ACTIVITY && a.result !== "failure")
    .filter((a) => (a.targetResources ?? []).some((t) => t.id?.toLowerCase() === key || t.userPrincipalName?.toLowerCase() === key))
    .map((a) => new Date(a.activityDateTime));
}

export async function listPasswordResets(
  g: TenantGraph,
  userIdOrUpn: string,
  since: Date,
): Promise<{ resets: Date[]; requestIds: string[] }> {
  const { items, requestIds } = await listAll<TargetAuditRow>(
    g,
    { op: "listDirectoryAudits", path: passwordResetAuditsPath(since) },
    1_000,
  );
  return { resets: passwordResetTimes(items, userIdOrUpn), requestIds };
}
