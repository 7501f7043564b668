// Display labels for advisory statuses; SENDING is the short-lived claim while Graph is called.
export const ADVISORY_STATUS_LABELS: Record<string, string> = {
  DRAFTED: "Drafted",
  SENDING: "Sending…",
  SENT: "Sent",
  SEND_UNKNOWN: "Sent? Unknown",
  ACKNOWLEDGED: "Acknowledged",
};

export const ADVISORY_STATUS_VARIANTS: Record<string, "info" | "warning" | "success" | "neutral"> = {
  DRAFTED: "info",
  SENDING: "warning",
  SENT: "success",
  SEND_UNKNOWN: "warning",
  ACKNOWLEDGED: "success",
};

/** The text put on the clipboard: headers a mail client user can paste field by field. */
export function advisoryAsText(a: { toAddresses: string[]; subject: string; body: string }): string {
  return `To: ${a.toAddresses.join(", ")}\nSubject: ${a.subject}\n\n${a.body}\n`;
}
