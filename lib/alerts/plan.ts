import type { Severity } from "@/generated/prisma/enums";

// What new alerts do, decided without the database: severity mapped to ours, alerts for an
// account with an open ticket added to it, and the rest opened — one ticket per account, or one
// campaign incident when a wave names many accounts at once. Pure.

/** This many accounts or more without an open ticket in one poll are one wave: one campaign incident. */
export const WAVE_THRESHOLD = 5;

const ORDER: Severity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

/**
 * Defender's alert severity (unknown, informational, low, medium, high: security-alert resource)
 * and Identity Protection's risk level (low, medium, high, hidden, none: riskyUser and
 * riskDetection resources) as
 * our ticket severity. Unknown or hidden is MEDIUM: someone looks at it, not at once.
 */
export function mapSeverity(source: string, level: string): Severity {
  const l = level.toLowerCase();
  if (l === "high") return "HIGH";
  if (l === "medium" || l === "hidden" || l === "unknown") return "MEDIUM";
  if (source === "riskyUsers" && l === "none") return "LOW";
  return "LOW";
}

export function highest(severities: Severity[]): Severity {
  return severities.reduce<Severity>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), "LOW");
}

export type NewAlert = { id: string; upn: string; severity: Severity; raisedAt: Date };

export type AlertPlan = {
  /** Alerts for accounts that already have an open ticket. */
  attach: { ticketId: string; alertIds: string[] }[];
  /** One ticket per account (few accounts). */
  single: { upn: string; alertIds: string[]; severity: Severity; detectedAt: Date }[];
  /** One campaign incident for a wave, or null. */
  campaign: { upns: string[]; alertIds: string[]; severity: Severity; detectedAt: Date } | null;
};

/** openTickets: lower-case account → the open ticket that holds it (as primary or campaign account). */
export function planAlerts(alerts: NewAlert[], openTickets: Map<string, string>, threshold = WAVE_THRESHOLD): AlertPlan {
  const byTicket = new Map<string, string[]>();
  const byUpn = new Map<string, NewAlert[]>();
  for (const a of alerts) {
    const ticketId = openTickets.get(a.upn);
    if (ticketId) byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), a.id]);
    else byUpn.set(a.upn, [...(byUpn.get(a.upn) ?? []), a]);
  }
  const attach = [...byTicket].map(([ticketId, alertIds]) => ({ ticketId, alertIds }));
  const groups = [...byUpn].map(([upn, list]) => ({
    upn,
    alertIds: list.map((a) => a.id),
    severity: highest(list.map((a) => a.severity)),
    detectedAt: new Date(Math.min(...list.map((a) => a.raisedAt.getTime()))),
  }));
  if (groups.length >= threshold) {
    // A wave is at least HIGH: many accounts at once is an attack in progress.
    const severity = highest([...groups.map((g) => g.severity), "HIGH"]);
    return {
      attach,
      single: [],
      campaign: {
        upns: groups.map((g) => g.upn),
        alertIds: groups.flatMap((g) => g.alertIds),
        severity,
        detectedAt: new Date(Math.min(...groups.map((g) => g.detectedAt.getTime()))),
      },
    };
  }
  return { attach, single: groups, campaign: null };
}
