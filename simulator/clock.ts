import { AsyncLocalStorage } from "node:async_hooks";

// The simulator's clock: real time plus an offset tests can move (POST /_control/advance-time),
// so message-trace statuses settle without sleeping. A test that shares the simulator with others
// moves only its own tenant's time (POST /_control/tenants/{tid}/advance-time): calls made for
// that tenant (Graph requests with its token, its control endpoints) run inside forTenant and
// see its offset on top of the shared one.
export class SimClock {
  private offsetMs = 0;
  private tenantOffsets = new Map<string, number>();
  private scope = new AsyncLocalStorage<string>();
  now(): Date {
    const tenant = this.scope.getStore();
    return new Date(Date.now() + this.offsetMs + (tenant === undefined ? 0 : (this.tenantOffsets.get(tenant) ?? 0)));
  }
  iso(): string {
    return this.now().toISOString();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  advanceTenant(tenantId: string, ms: number): void {
    this.tenantOffsets.set(tenantId, (this.tenantOffsets.get(tenantId) ?? 0) + ms);
  }
  /** Runs fn on the tenant's time. */
  forTenant<T>(tenantId: string, fn: () => T): T {
    return this.scope.run(tenantId, fn);
  }
  reset(): void {
    this.offsetMs = 0;
    this.tenantOffsets.clear();
  }
}
