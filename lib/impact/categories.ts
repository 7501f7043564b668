// The business-impact categories of the seed report (§3), assessed per ticket.
export const IMPACT_CATEGORIES = {
  EMAIL_DISRUPTION: { title: "Email service disruption", hint: "Outbound spam controls restricted or suspended the account." },
  SENDER_REPUTATION: { title: "Sender reputation", hint: "The domain may be blocked or marked as spam by providers." },
  REGULATORY: { title: "Regulatory and compliance", hint: "Personal or sensitive data may have been disclosed." },
  OPERATIONAL_COST: { title: "Operational cost", hint: "Incident response, legal advice, communications." },
  LOSS_OF_TRUST: { title: "Loss of trust", hint: "Customers and partners received the mail." },
  SECURITY_RISK: { title: "Further security risk", hint: "The account could be used for further attacks." },
} as const;

export type ImpactCategory = keyof typeof IMPACT_CATEGORIES;
export const IMPACT_LEVELS = ["NONE", "LOW", "MEDIUM", "HIGH"] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

/** Hours a regulator allows from awareness to notification (GDPR Art. 33: 72 h). */
export const NOTIFICATION_WINDOW_HOURS = 72;

const SEVERITY_ORDER = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type SeverityName = (typeof SEVERITY_ORDER)[number];

/** The higher of two severities: an assessment may raise the ticket's severity, never lower it. */
export function raiseSeverity(current: SeverityName, assessed: SeverityName): SeverityName {
  return SEVERITY_ORDER.indexOf(assessed) > SEVERITY_ORDER.indexOf(current) ? assessed : current;
}

/** "due in 2 d 4 h", "overdue by 3 h" — the countdown shown when personal data may be involved. */
export function deadlineState(deadline: Date, now = new Date()): { overdue: boolean; ms: number } {
  const ms = deadline.getTime() - now.getTime();
  return { overdue: ms < 0, ms: Math.abs(ms) };
}
