// The simulator's clock: real time plus an offset tests can move (POST /_control/advance-time),
// so message-trace statuses settle without sleeping.
export class SimClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  iso(): string {
    return this.now().toISOString();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}
