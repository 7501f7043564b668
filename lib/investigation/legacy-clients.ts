// Which sign-ins used a legacy protocol (basic authentication: no MFA). The signIn resource
// documents clientAppUsed as "Modern authentication clients include Browser, modern clients.
// Legacy authentication clients include Exchange ActiveSync, IMAP, MAPI, SMTP, POP, and other
// clients" (learn.microsoft.com/graph/api/resources/signin). Sign-in logs spell them with
// suffixes ("IMAP4", "POP3", "Authenticated SMTP", "MAPI Over HTTP"), so each documented family
// matches as a whole word; the other legacy Exchange clients Microsoft Entra names in its
// conditional-access documentation are listed by name. Pure and tested.

const DOCUMENTED_FAMILIES = [/\bimap\d*\b/i, /\bpop\d*\b/i, /\bsmtp\b/i, /\bmapi\b/i, /^exchange activesync$/i, /^other clients$/i];

const OTHER_LEGACY = [
  "autodiscover",
  "exchange online powershell",
  "exchange web services",
  "offline address book",
  "outlook anywhere (rpc over http)",
  "reporting web services",
];

export function isLegacyClient(clientAppUsed: string): boolean {
  const value = clientAppUsed.trim();
  if (!value) return false;
  return DOCUMENTED_FAMILIES.some((re) => re.test(value)) || OTHER_LEGACY.includes(value.toLowerCase());
}
