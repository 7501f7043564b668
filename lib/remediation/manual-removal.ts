// What to do by hand when Graph cannot remove a flagged item. A read-only inbox rule "cannot be
// modified or deleted by the rules REST API" (messagerule.md); Outlook on the web and Exchange
// Online PowerShell can. A phone that is the user's only (default) MFA method cannot be deleted
// (phoneauthenticationmethod-delete.md) until the user has registered another one. Pure.

/** The error code a removal refused for the default-method reason is recorded with. */
export const DEFAULT_METHOD_CODE = "DefaultMfaMethod";

/** The manual way forward for the default phone, for the step's instructions. */
export function defaultMethodInstructions(upn: string): string {
  return [
    `1. Give ${upn}'s owner a way to register a method you trust, through a channel you have verified (in person, or a call to a known number): a Temporary Access Pass (Entra admin center → Users → the user → Authentication methods → Add authentication method → Temporary Access Pass).`,
    "2. The user registers Microsoft Authenticator at https://mysignins.microsoft.com/security-info (or an admin adds the user's own phone number there) and makes it the default sign-in method.",
    "3. Run this step again: Breachdesk makes that method the default if needed and deletes the attacker's phone.",
  ].join(" ");
}

export function readOnlyRuleInstructions(label: string, upn: string): string {
  return `The inbox rule ${label} is read-only to Microsoft Graph (its conditions are ones Graph cannot model), so Breachdesk cannot delete it. Remove it by hand: in Exchange Online PowerShell, Get-InboxRule -Mailbox ${upn} to find it, then Remove-InboxRule -Mailbox ${upn} -Identity <its name or RuleIdentity>; or sign in to Outlook on the web as an admin with access to the mailbox (Settings → Mail → Rules). Then use Re-check: the step is done when the rule is gone.`;
}
