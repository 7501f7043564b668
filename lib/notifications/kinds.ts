import type { Role } from "@/generated/prisma/enums";

// What people are told about, who is told, and in which words. Pure: the service picks the
// recipients by audience, the renderer and the menu use the summary.

export const NOTIFICATION_KINDS = [
  "ticket.picked-up",
  "ticket.assigned",
  "ticket.contained",
  "ticket.public-update",
  "ticket.resolved",
  "report.approved",
  "report.returned",
  "report.submitted",
  "approval.requested",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Shown on the preferences form, per role that can receive the kind. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  "ticket.picked-up": "An incident is picked up by an engineer",
  "ticket.assigned": "A ticket is assigned to me",
  "ticket.contained": "The affected account is contained",
  "ticket.public-update": "A new public update on an incident",
  "ticket.resolved": "An incident is resolved",
  "report.approved": "An incident report is approved",
  "report.returned": "A report I wrote is returned",
  "report.submitted": "A report waits for review",
  "approval.requested": "Someone asks for my approval of a remediation step",
};

/** Who can receive each kind (the service narrows further to those who may see the ticket). */
export const KIND_ROLES: Record<NotificationKind, readonly Role[]> = {
  "ticket.picked-up": ["TENANT_ADMIN"],
  "ticket.assigned": ["ENGINEER", "PLATFORM_ADMIN"],
  "ticket.contained": ["TENANT_ADMIN"],
  "ticket.public-update": ["TENANT_ADMIN", "ENGINEER", "PLATFORM_ADMIN"],
  "ticket.resolved": ["TENANT_ADMIN"],
  "report.approved": ["TENANT_ADMIN", "ENGINEER", "PLATFORM_ADMIN"],
  "report.returned": ["ENGINEER", "PLATFORM_ADMIN"],
  "report.submitted": ["MANAGER"],
  "approval.requested": ["TENANT_ADMIN", "ENGINEER"],
};

export const kindsForRole = (role: Role): NotificationKind[] => NOTIFICATION_KINDS.filter((k) => KIND_ROLES[k].includes(role));

export type SummaryInput = { kind: NotificationKind; ticketNumber: string; actorName: string | null; detail?: string | null };

/**
 * The one line people read in the menu and as the mail's subject. It names the ticket, the kind
 * and who did it — never the text of a comment (public updates may quote what the engineer
 * pasted, and internal notes never leave the app).
 */
export function summarize({ kind, ticketNumber: n, actorName, detail }: SummaryInput): string {
  const by = actorName ? ` by ${actorName}` : "";
  switch (kind) {
    case "ticket.picked-up":
      return `${n} was picked up${by}`;
    case "ticket.assigned":
      return `${n} was assigned to you${by}`;
    case "ticket.contained":
      return `${n}: the affected account is contained`;
    case "ticket.public-update":
      return `${n}: new update${actorName ? ` from ${actorName}` : ""}`;
    case "ticket.resolved":
      return `${n} was resolved${by}`;
    case "report.approved":
      return `${n}: the incident report was approved${detail ? ` (version ${detail})` : ""}`;
    case "report.returned":
      return `${n}: the report was returned${by}`;
    case "report.submitted":
      return `${n}: report${detail ? ` version ${detail}` : ""} waits for review`;
    case "approval.requested":
      return `${n}: ${actorName ?? "Someone"} asks for approval${detail ? ` of ${detail}` : ""}`;
  }
}

/** Where the notification takes its reader: the report for report kinds, else the ticket. */
export function pathOf(kind: NotificationKind, ticketId: string): string {
  if (kind === "report.approved" || kind === "report.submitted") return `/reports/${ticketId}`;
  if (kind === "approval.requested") return `/tickets/${ticketId}?stage=checklist`;
  if (kind === "report.returned") return `/tickets/${ticketId}?stage=outcome`;
  return `/tickets/${ticketId}`;
}
