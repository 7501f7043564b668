// Fault injection for chosen operations: an error status, or a response that arrives too late
// (after the effect was applied, as a real timeout often is).

export type Fault =
  /** applyEffect: the change is made before the error is answered (a real 504 can hide a done write). */
  | { operation: string; status: 500 | 502 | 503 | 504 | 429; times?: number; retryAfter?: number; applyEffect?: boolean }
  /**
   * A refusal: 403 with code Authorization_RequestDenied, "Insufficient privileges to complete the
   * operation." (learn.microsoft.com/graph/resolve-auth-errors). Nothing was applied.
   */
  | { operation: string; status: 403; times?: number; retryAfter?: undefined; applyEffect?: false }
  | { operation: string; timeout: true; delayMs?: number; applyEffect?: boolean; times?: number };

export class Faults {
  private list: (Fault & { remaining: number })[] = [];

  set(faults: Fault[]) {
    this.list = faults.map((f) => ({ ...f, remaining: f.times ?? Number.POSITIVE_INFINITY }));
  }

  /** The fault to apply to this call of the operation, if any (consumes one use). */
  take(operation: string): Fault | null {
    const fault = this.list.find((f) => f.operation === operation && f.remaining > 0);
    if (!fault) return null;
    fault.remaining -= 1;
    return fault;
  }
}
