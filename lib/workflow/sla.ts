import type { Severity } from "@/generated/prisma/enums";

// Response targets by severity: time to first response (reported → first public reply) and time
// to contain (reported → containment verified). "At risk" past 75 % of the target.

export const SLA_TARGETS_MINUTES: Record<Severity, { firstResponse: number; contain: number }> = {
  CRITICAL: { firstResponse: 15, contain: 60 },
  HIGH: { firstResponse: 30, contain: 4 * 60 },
  MEDIUM: { firstResponse: 4 * 60, contain: 24 * 60 },
  LOW: { firstResponse: 8 * 60, contain: 72 * 60 },
};

export type ClockState = "met" | "breached" | "running" | "at risk";
export type SlaClock = { state: ClockState; elapsedMs: number; targetMs: number };

function clock(start: Date, end: Date | null, targetMinutes: number, now: Date): SlaClock {
  const targetMs = targetMinutes * 60_000;
  const elapsedMs = (end ?? now).getTime() - start.getTime();
  if (end) return { state: elapsedMs <= targetMs ? "met" : "breached", elapsedMs, targetMs };
  return { state: elapsedMs > targetMs ? "breached" : elapsedMs > 0.75 * targetMs ? "at risk" : "running", elapsedMs, targetMs };
}

export function slaClocks(t: { severity: Severity; createdAt: Date; firstResponseAt: Date | null; containedAt: Date | null }, now = new Date()) {
  const target = SLA_TARGETS_MINUTES[t.severity];
  return { firstResponse: clock(t.createdAt, t.firstResponseAt, target.firstResponse, now), contain: clock(t.createdAt, t.containedAt, target.contain, now) };
}
