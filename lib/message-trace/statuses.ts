// Message trace statuses (Graph v1.0 exchangeMessageTrace.status). Graph's examples use lower
// camelCase but the beta once returned "Delivered", so every comparison goes through here.

export const TRACE_STATUSES = [
  "gettingStatus",
  "pending",
  "delivered",
  "failed",
  "expanded",
  "quarantined",
  "filteredAsSpam",
  "recalled",
  "unknownFutureValue",
] as const;

export type TraceStatus = (typeof TRACE_STATUSES)[number];

const BY_LOWER = new Map<string, TraceStatus>(TRACE_STATUSES.map((s) => [s.toLowerCase(), s]));

/** The canonical spelling of a status; an unknown value is kept as given (never dropped). */
export function normaliseTraceStatus(status: string): string {
  return BY_LOWER.get(status.trim().toLowerCase()) ?? status.trim();
}

/** The seed's "Getting status or pending" bucket: mail not yet settled, still worth blocking. */
export function isUnsettledStatus(status: string): boolean {
  const s = normaliseTraceStatus(status);
  return s === "gettingStatus" || s === "pending";
}

export const TRACE_STATUS_LABELS: Record<TraceStatus, string> = {
  gettingStatus: "Getting status",
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
  expanded: "Expanded",
  quarantined: "Quarantined",
  filteredAsSpam: "Filtered as spam",
  recalled: "Recalled",
  unknownFutureValue: "Unknown",
};

export function traceStatusLabel(status: string): string {
  const s = normaliseTraceStatus(status);
  return (TRACE_STATUS_LABELS as Record<string, string>)[s] ?? s;
}

/** Lower-case domain of an address ("" when there is none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0
    ? ""
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** True for the tenant's primary domain or one of its subdomains. */
export function isTenantDomain(domain: string, primaryDomain: string): boolean {
  const d = domain.toLowerCase();
  const p = primaryDomain.toLowerCase();
  return d === p || d.endsWith(`.${p}`);
}
