import type { Severity, TicketStatus } from "@/generated/prisma/enums";

export function formatTicketNumber(number: number): string {
  return `INC-${number}`;
}

/** Accepts "INC-1042", "inc 1042" or "1042"; anything else is not a ticket number. */
export function parseTicketNumber(text: string): number | null {
  const match = /^\s*(?:inc[-\s]?)?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

export const STATUS_LABELS: Record<TicketStatus, string> = {
  NEW: "New",
  TRIAGED: "Triaged",
  CONTAINED: "Contained",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
  REOPENED: "Reopened",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};
