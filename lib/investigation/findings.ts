import type { OAuthConsent } from "@/lib/graph/consents";
import type { SignInRecord } from "@/lib/graph/logs";
import type { InboxRule } from "@/lib/graph/mailbox";
import { isLegacyClient } from "./legacy-clients";

// What looks suspicious in the evidence, by rules an engineer can read. Pure and tested.

export type SignInFinding = {
  id: string;
  at: string;
  ip: string;
  country: string | null;
  clientApp: string;
  succeeded: boolean;
  reasons: string[];
};

/** The network an address belongs to: IPv4 /24, IPv6 /64 (a home or office line moves within it). */
export function networkOf(ip: string): string {
  if (ip.includes(":")) {
    const [head = "", tail] = ip.split("::");
    const left = head.split(":").filter(Boolean);
    const right = tail === undefined ? [] : tail.split(":").filter(Boolean);
    const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
    return `${groups
      .slice(0, 4)
      .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
      .join(":")}::/64`;
  }
  return `${ip.split(".").slice(0, 3).join(".")}.0/24`;
}

/** Familiar networks: the user signed in from them on at least this many different days. */
export const FAMILIAR_DAYS = 3;

/**
 * Sign-ins from outside the user's usual country, from a network the user does not normally use
 * (seen on fewer than FAMILIAR_DAYS days, while some network is familiar), or over legacy
 * protocols that skip MFA. An attacker's burst is one or two days; the user's lines recur.
 */
export function flagSignIns(signIns: SignInRecord[]): { homeCountry: string | null; flagged: SignInFinding[] } {
  const counts = new Map<string, number>();
  for (const s of signIns) if (s.country) counts.set(s.country, (counts.get(s.country) ?? 0) + 1);
  const homeCountry = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const days = new Map<string, Set<string>>();
  for (const s of signIns)
    if (s.ipAddress) days.set(networkOf(s.ipAddress), (days.get(networkOf(s.ipAddress)) ?? new Set()).add(s.at.toISOString().slice(0, 10)));
  const familiar = new Set([...days].filter(([, d]) => d.size >= FAMILIAR_DAYS).map(([net]) => net));
  const flagged = signIns
    .map((s) => {
      const unusualIp = familiar.size > 0 && Boolean(s.ipAddress) && !familiar.has(networkOf(s.ipAddress));
      const reasons = [
        ...(homeCountry && s.country && s.country !== homeCountry
          ? [`sign-in from ${s.city ? `${s.city}, ` : ""}${s.country}, not the usual ${homeCountry}`]
          : []),
        ...(unusualIp ? [`unfamiliar IP ${s.ipAddress} (not one of the user's usual networks)`] : []),
        ...(isLegacyClient(s.clientApp) ? [`legacy protocol ${s.clientApp}`] : []),
      ];
      return {
        id: s.id,
        at: s.at.toISOString(),
        ip: s.ipAddress,
        country: s.country,
        clientApp: s.clientApp,
        succeeded: s.errorCode === 0,
        reasons,
      };
    })
    .filter((f) => f.reasons.length > 0);
  return { homeCountry, flagged };
}

/** readOnly: Graph cannot delete it (messagerule.md): it is removed by hand, with instructions. */
export type RuleFinding = { id: string; name: string; reasons: string[]; readOnly?: boolean };

export function flagInboxRules(rules: InboxRule[]): RuleFinding[] {
  return rules
    .map((r) => {
      const a = r.actions;
      // moveToFolder is a folder id: name the folder when Graph let us read it.
      const folder = a.moveToFolder ? (r.moveToFolderName ?? "a folder whose name could not be read") : null;
      const reasons = [
        ...([a.forwardTo, a.forwardAsAttachmentTo, a.redirectTo].some((x) => Array.isArray(x) && x.length > 0)
          ? ["forwards or redirects mail"]
          : []),
        ...(a.delete || a.permanentDelete ? ["deletes mail"] : []),
        ...(folder ? [`moves mail to ${folder}`] : []),
        ...(a.markAsRead && a.stopProcessingRules ? ["marks as read and stops other rules"] : []),
        ...(/^[\s.]*$/.test(r.displayName) ? ["has a blank-looking name"] : []),
      ];
      const flagged =
        reasons.length > 0 && r.readOnly
          ? [...reasons, "read-only to Graph: what it does cannot be read, and it can only be removed in Outlook or Exchange"]
          : reasons;
      return { id: r.id, name: r.displayName, reasons: flagged, ...(r.readOnly ? { readOnly: true } : {}) };
    })
    .filter((f) => f.reasons.length > 0);
}

export type ConsentFinding = { id: string; app: string; scope: string; reasons: string[] };

export function flagConsents(consents: OAuthConsent[]): ConsentFinding[] {
  return consents
    .map((c) => {
      const reasons = [
        ...(c.consentType === "Principal" ? ["consented by the user alone"] : []),
        ...(/\bMail\.(Read|Send|ReadWrite)|MailboxSettings\.ReadWrite/.test(c.scope) ? ["can read or send mail"] : []),
      ];
      return { id: c.id, app: c.appName ?? c.clientId, scope: c.scope, reasons };
    })
    .filter((f) => f.reasons.length >= 2);
}

export type DomainSummary = { domain: string; isInternal: boolean; messages: number; recipients: number; byStatus: Record<string, number> };
