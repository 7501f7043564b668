// The business-impact categories of the seed report (docs/design-basis.md), assessed per ticket.
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

export const SEVERITY_ORDER = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type SeverityName = (typeof SEVERITY_ORDER)[number];

/** True when `level` is below `floor`: an assessment cannot choose it (severity is only raised). */
export function isBelowSeverity(level: SeverityName, floor: SeverityName): boolean {
  return SEVERITY_ORDER.indexOf(level) < SEVERITY_ORDER.indexOf(floor);
}

/** The "Overall severity" choices on a ticket at `current`: lower levels are shown but disabled, with the reason. */
export function severityChoices(current: SeverityName, labels: Record<SeverityName, string>) {
  return SEVERITY_ORDER.map((value) => {
    const below = isBelowSeverity(value, current);
    const suffix = value === current ? " (current)" : below ? " – below current, cannot lower" : "";
    return { value, label: `${labels[value]}${suffix}`, disabled: below };
  });
}

/** What saving did to the ticket's severity, in words for the success message. */
export function severityOutcome(from: SeverityName, to: SeverityName, labels: Record<SeverityName, string>): string {
  return from === to ? `Severity unchanged (${labels[to]}).` : `Severity raised from ${labels[from]} to ${labels[to]}.`;
}

/** The higher of two severities: an assessment may raise the ticket's severity, never lower it. */
export function raiseSeverity(current: SeverityName, assessed: SeverityName): SeverityName {
  return SEVERITY_ORDER.indexOf(assessed) > SEVERITY_ORDER.indexOf(current) ? assessed : current;
}

/** "due in 2 d 4 h", "overdue by 3 h" — the countdown shown when personal data may be involved. */
export function deadlineState(deadline: Date, now = new Date()): { overdue: boolean; ms: number } {
  const ms = deadline.getTime() - now.getTime();
  return { overdue: ms < 0, ms: Math.abs(ms) };
}
