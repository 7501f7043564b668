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

type SignInRow = { id: string; createdDateTime: string; ipAddress: string; clientAppUsed?: string; appDisplayName?: string; location?: { city?: string; countryOrRegion?: string }; status?: { errorCode?: number; failureReason?: string | null } };

export async function listSignIns(g: TenantGraph, userObjectId: string, since: Date) {
  const filter = encodeURIComponent(`userId eq ${odataQuote(userObjectId)} and createdDateTime ge ${since.toISOString()}`);
  const { items, requestIds } = await listAll<SignInRow>(g, { op: "listSignIns", path: `/auditLogs/signIns?$filter=${filter}&$top=500` }, 2_000);
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
  return { signIns, requestIds };
}

export type AuditRecord = { id: string; at: Date; activity: string; category: string; result: string; initiatedBy: string | null };

type AuditRow = { id: string; activityDateTime: string; activityDisplayName: string; category: string; result: string; initiatedBy?: { user?: { userPrincipalName?: string }; app?: { displayName?: string } } };

/** Directory audits the user initiated since the date. */
export async function listDirectoryAudits(g: TenantGraph, userObjectId: string, since: Date) {
  const filter = encodeURIComponent(`initiatedBy/user/id eq ${odataQuote(userObjectId)} and activityDateTime ge ${since.toISOString()}`);
  const { items, requestIds } = await listAll<AuditRow>(g, { op: "listDirectoryAudits", path: `/auditLogs/directoryAudits?$filter=${filter}` }, 1_000);
  const audits: AuditRecord[] = items.map((a) => ({
    id: a.id,
    at: new Date(a.activityDateTime),
    activity: a.activityDisplayName,
    category: a.category,
    result: a.result,
    initiatedBy: a.initiatedBy?.user?.userPrincipalName ?? a.initiatedBy?.app?.displayName ?? null,
  }));
  return { audits, requestIds };
}
