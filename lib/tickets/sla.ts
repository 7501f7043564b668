import type { Severity } from "@/generated/prisma/enums";

// Response targets by severity: time to first response (reported → first public reply) and time
// to contain (reported → containment verified). "At risk" past 75 % of the target.
// A clock stops when its event happens, or when the ticket is resolved or closed without it.
// First response is met only by a reply the customer can see (firstResponseAt, set by the first
// public update): resolving without one stops the clock as breached — resolving is not a reply.
// The containment clock does not apply to a ticket that ended without containment (e.g. a false
// positive). Without these stops such a ticket would run on forever.

export const SLA_TARGETS_MINUTES: Record<Severity, { firstResponse: number; contain: number }> = {
  CRITICAL: { firstResponse: 15, contain: 60 },
  HIGH: { firstResponse: 30, contain: 4 * 60 },
  MEDIUM: { firstResponse: 4 * 60, contain: 24 * 60 },
  LOW: { firstResponse: 8 * 60, contain: 72 * 60 },
};

export type ClockState = "met" | "breached" | "running" | "at risk";
/** `stopped`: the clock's event (or the resolution) happened, so elapsedMs is final. */
export type SlaClock = { state: ClockState; elapsedMs: number; targetMs: number; stopped: boolean };
export type SlaTicket = {
  severity: Severity;
  createdAt: Date;
  firstResponseAt: Date | null;
  containedAt: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
};

function clock(start: Date, end: Date | null, targetMinutes: number, now: Date): SlaClock {
  const targetMs = targetMinutes * 60_000;
  const elapsedMs = (end ?? now).getTime() - start.getTime();
  if (end) return { state: elapsedMs <= targetMs ? "met" : "breached", elapsedMs, targetMs, stopped: true };
  return {
    state: elapsedMs > targetMs ? "breached" : elapsedMs > 0.75 * targetMs ? "at risk" : "running",
    elapsedMs,
    targetMs,
    stopped: false,
  };
}

/** When the ticket's work ended (resolved or closed), if it has. */
export function workEndedAt(t: SlaTicket): Date | null {
  const ends = [t.resolvedAt, t.closedAt].filter((d): d is Date => d instanceof Date);
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

/** Both clocks; `contain` is null when the ticket ended without containment (not applicable). */
export function slaReadings(t: SlaTicket, now = new Date()): { firstResponse: SlaClock; contain: SlaClock | null } {
  const target = SLA_TARGETS_MINUTES[t.severity];
  const ended = workEndedAt(t);
  const firstResponse = t.firstResponseAt
    ? clock(t.createdAt, t.firstResponseAt, target.firstResponse, now)
    : ended
      ? {
          state: "breached" as const,
          elapsedMs: ended.getTime() - t.createdAt.getTime(),
          targetMs: target.firstResponse * 60_000,
          stopped: true,
        }
      : clock(t.createdAt, null, target.firstResponse, now);
  return {
    firstResponse,
    contain: t.containedAt || !ended ? clock(t.createdAt, t.containedAt, target.contain, now) : null,
  };
}

/** Whether the ticket breached a target (an inapplicable containment clock never does). */
export function slaBreached(t: SlaTicket, now = new Date()): { firstResponse: boolean; contain: boolean } {
  const r = slaReadings(t, now);
  return { firstResponse: r.firstResponse.state === "breached", contain: r.contain?.state === "breached" };
}
