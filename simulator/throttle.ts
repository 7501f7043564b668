// Graph's quotas (docs/design-basis.md, Graph facts: throttling), per app + tenant, as sliding windows. Over the limit the
// request gets 429 with Retry-After — except Identity Protection, which sends none.

export type Bucket = "identityWrites" | "reports" | "identityProtection" | "messageTrace" | "security";

export type Quota = { limit: number; windowMs: number; sendsRetryAfter: boolean };

export const GRAPH_QUOTAS: Record<Bucket, Quota> = {
  identityWrites: { limit: 20, windowMs: 1_000, sendsRetryAfter: true },
  reports: { limit: 5, windowMs: 10_000, sendsRetryAfter: true },
  identityProtection: { limit: 1, windowMs: 1_000, sendsRetryAfter: false },
  messageTrace: { limit: 100, windowMs: 300_000, sendsRetryAfter: true },
  security: { limit: 150, windowMs: 60_000, sendsRetryAfter: true },
};

/** Buckets Graph counts per tenant for every app together; the others per app and tenant. */
export const PER_TENANT_BUCKETS: ReadonlySet<Bucket> = new Set(["identityProtection", "messageTrace"]);

export class Throttle {
  private readonly hits = new Map<string, number[]>();
  constructor(private quotas: Partial<Record<Bucket, Quota>> | null) {}

  configure(quotas: Partial<Record<Bucket, Quota>> | null) {
    this.quotas = quotas;
    this.hits.clear();
  }

  /** Records a request; returns null when allowed, else the 429's Retry-After seconds (or null header). */
  take(bucket: Bucket, key: string, now = Date.now()): { retryAfter: number | null } | null {
    const quota = this.quotas?.[bucket];
    if (!quota) return null;
    const id = `${bucket}:${key}`;
    const recent = (this.hits.get(id) ?? []).filter((t) => t > now - quota.windowMs);
    if (recent.length >= quota.limit) {
      this.hits.set(id, recent);
      const wait = Math.max(1, Math.ceil((recent[0]! + quota.windowMs - now) / 1000));
      return { retryAfter: quota.sendsRetryAfter ? wait : null };
    }
    recent.push(now);
    this.hits.set(id, recent);
    return null;
  }
}
