// Fault injection for chosen operations: an error status, or a response that arrives too late
// (after the effect was applied, as a real timeout often is). A fault set through
// POST /_control/config applies to every tenant; one set through
// POST /_control/tenants/{tid}/faults only to calls for that tenant, and with `user` only to
// calls addressing that user (by UPN or id), so tests sharing the simulator fault only their own.

type Target = { operation: string; times?: number; user?: string };
export type Fault = Target &
  (
    | /** applyEffect: the change is made before the error is answered (a real 504 can hide a done write). */
      { status: 500 | 502 | 503 | 504 | 429; retryAfter?: number; applyEffect?: boolean }
      /**
       * A refusal: 403 with code Authorization_RequestDenied, "Insufficient privileges to complete the
       * operation." (learn.microsoft.com/graph/resolve-auth-errors). Nothing was applied.
       */
    | { status: 403; retryAfter?: undefined; applyEffect?: false }
    | { timeout: true; delayMs?: number; applyEffect?: boolean }
  );

/** Who a call is for: its tenant, and the users it addresses (UPN and id). */
export type FaultScope = { tenantId?: string; users?: string[] };

type Armed = Fault & { remaining: number };
const arm = (faults: Fault[]): Armed[] => faults.map((f) => ({ ...f, remaining: f.times ?? Number.POSITIVE_INFINITY }));

export class Faults {
  private list: Armed[] = [];
  private byTenant = new Map<string, Armed[]>();

  /** The faults for every tenant (replacing the earlier ones). */
  set(faults: Fault[]) {
    this.list = arm(faults);
  }

  /** The faults for one tenant's calls only (replacing that tenant's earlier ones). */
  setForTenant(tenantId: string, faults: Fault[]) {
    this.byTenant.set(tenantId, arm(faults));
  }

  clear() {
    this.list = [];
    this.byTenant.clear();
  }

  /** The fault to apply to this call of the operation, if any (consumes one use). */
  take(operation: string, scope: FaultScope = {}): Fault | null {
    const own = scope.tenantId === undefined ? [] : (this.byTenant.get(scope.tenantId) ?? []);
    const matches = (f: Armed) =>
      f.operation === operation && f.remaining > 0 && (f.user === undefined || (scope.users ?? []).includes(f.user.toLowerCase()));
    const fault = own.find(matches) ?? this.list.find(matches);
    if (!fault) return null;
    fault.remaining -= 1;
    return fault;
  }
}
