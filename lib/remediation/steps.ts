// The troubleshooting checklist: the seed report's steps, automated through Graph where Graph
// can, manual (with instructions) where it cannot.

export type StepKind = "AUTOMATED" | "MANUAL";
export type StepPhase = "INVESTIGATION" | "CONTAINMENT" | "ERADICATION" | "RECOVERY";

export type ChecklistStepDef = {
  key: string;
  title: string;
  kind: StepKind;
  phase: StepPhase;
  mandatory: boolean;
  destructive: boolean;
  /** Deletes something the evidence snapshot keeps: refused until a snapshot exists. */
  destroysEvidence?: boolean;
  instructions?: string;
};

export const CHECKLIST_STEPS = [
  { key: "snapshot", title: "Take the evidence snapshot", kind: "AUTOMATED", phase: "INVESTIGATION", mandatory: true, destructive: false },
  {
    key: "reset-password",
    title: "Reset the password (change at next sign-in)",
    kind: "AUTOMATED",
    phase: "CONTAINMENT",
    mandatory: true,
    destructive: true,
  },
  {
    key: "enforce-mfa",
    title: "Enforce multi-factor authentication",
    kind: "AUTOMATED",
    phase: "CONTAINMENT",
    mandatory: true,
    destructive: false,
  },
  { key: "block-sign-in", title: "Block sign-in", kind: "AUTOMATED", phase: "CONTAINMENT", mandatory: true, destructive: true },
  {
    key: "revoke-sessions",
    title: "Sign out of all sessions",
    kind: "AUTOMATED",
    phase: "CONTAINMENT",
    mandatory: true,
    destructive: true,
  },
  {
    key: "remove-inbox-rules",
    title: "Remove malicious inbox rules",
    kind: "AUTOMATED",
    phase: "ERADICATION",
    mandatory: true,
    destructive: true,
    destroysEvidence: true,
  },
  {
    key: "remove-auth-methods",
    title: "Remove attacker-registered sign-in methods",
    kind: "AUTOMATED",
    phase: "ERADICATION",
    mandatory: false,
    destructive: true,
    destroysEvidence: true,
  },
  {
    key: "revoke-oauth-grants",
    title: "Revoke suspicious app consents",
    kind: "AUTOMATED",
    phase: "ERADICATION",
    mandatory: false,
    destructive: true,
    destroysEvidence: true,
  },
  {
    key: "confirm-compromised",
    title: "Confirm the user compromised (Identity Protection)",
    kind: "AUTOMATED",
    phase: "ERADICATION",
    mandatory: false,
    destructive: false,
  },
  {
    key: "disable-forwarding",
    title: "Check and remove mailbox forwarding",
    kind: "MANUAL",
    phase: "ERADICATION",
    mandatory: true,
    destructive: false,
    instructions:
      "Graph cannot read or change mailbox forwarding. In Exchange Online PowerShell: Get-Mailbox <upn> | fl ForwardingSmtpAddress,DeliverToMailboxAndForward; then Set-Mailbox <upn> -ForwardingSmtpAddress $null -DeliverToMailboxAndForward $false. Record what you found.",
  },
  {
    key: "release-restricted-sender",
    title: "Release the restricted sender",
    kind: "MANUAL",
    phase: "RECOVERY",
    mandatory: false,
    destructive: false,
    instructions:
      "Once the account is safe: Microsoft Defender portal → Email & collaboration → Review → Restricted entities → unblock the user, or Remove-BlockedSenderAddress -SenderAddress <upn>. It can take up to an hour.",
  },
  // Undoing a block is as sensitive as the block: on a privileged account (or a tenant that asks
  // for approval) it waits for the same second person.
  { key: "re-enable-sign-in", title: "Allow sign-in again", kind: "AUTOMATED", phase: "RECOVERY", mandatory: false, destructive: true },
] as const satisfies readonly ChecklistStepDef[];

export type StepKey = (typeof CHECKLIST_STEPS)[number]["key"];

export const CONTAINMENT_STEPS = [
  "reset-password",
  "enforce-mfa",
  "block-sign-in",
  "revoke-sessions",
] as const satisfies readonly StepKey[];

export function stepDef(key: string): ChecklistStepDef | undefined {
  return CHECKLIST_STEPS.find((s) => s.key === key);
}
