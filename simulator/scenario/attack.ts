import type { Alert, DirectoryAudit, Grant, SentMessage, SignIn, SimUser, TenantState } from "../state";
import type { Random } from "./random";
import { ATTACKER, folderId, OFFICE } from "./users";

// The seed incident, played on one user: no MFA, sign-ins from abroad (one over a legacy
// protocol), a hiding inbox rule, a newly registered attacker phone, a suspicious OAuth consent,
// hundreds of messages to gmail.com (some still gettingStatus/pending) and the outbound-spam alert.

const at = (now: Date, hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();

const SUBJECTS = [
  "Invoice #48213 overdue – action required",
  "Updated payment details",
  "Shared document: Q3 remittance advice",
  "RE: outstanding balance",
];
const OTHER_DOMAINS: [string, number][] = [
  ["outlook.com", 24],
  ["yahoo.com", 12],
  ["hotmail.com", 6],
];

export type AttackOptions = { messagesToGmail: number; internalDomain: string };

function signIn(rnd: Random, u: SimUser, when: string, from: typeof ATTACKER | typeof OFFICE, extra: Partial<SignIn> = {}): SignIn {
  return {
    id: rnd.uuid(),
    createdDateTime: when,
    userId: u.id,
    userPrincipalName: u.userPrincipalName,
    userDisplayName: u.displayName,
    appDisplayName: "Office 365 Exchange Online",
    appId: "00000002-0000-0ff1-ce00-000000000000",
    ipAddress: from.ip,
    clientAppUsed: "Browser",
    isInteractive: true,
    location: { city: from.city, state: null, countryOrRegion: from.country },
    status: { errorCode: 0, failureReason: null, additionalDetails: null },
    riskLevelDuringSignIn: from === ATTACKER ? "high" : "none",
    ...extra,
  };
}

function message(rnd: Random, now: Date, u: SimUser, recipient: string, hoursAgo: number, pending: boolean): SentMessage {
  return {
    id: rnd.uuid(),
    messageId: `<${rnd.uuid()}@${u.mail.split("@")[1]}>`,
    // Exchange traces the primary SMTP address, not the UPN (exchangemessagetrace.md).
    senderAddress: u.mail,
    recipientAddress: recipient,
    subject: rnd.pick(SUBJECTS),
    size: rnd.int(18_000, 64_000),
    fromIP: ATTACKER.ip,
    receivedDateTime: at(now, hoursAgo),
    initialStatus: pending ? rnd.pick(["gettingStatus", "pending"] as const) : "pending",
    finalStatus: rnd.next() < 0.85 ? "delivered" : "failed",
    settlesAt: pending ? new Date(now.getTime() + rnd.int(20, 180) * 60_000).toISOString() : null,
  };
}

export function playCompromise(t: TenantState, u: SimUser, rnd: Random, now: Date, options: AttackOptions) {
  u.perUserMfaState = "disabled";
  u.stolenPassword = u.password;
  u.methods = u.methods.filter((m) => m.kind === "password");
  for (let d = 14; d >= 1; d--) t.signIns.push(signIn(rnd, u, at(now, d * 24 + rnd.int(0, 8)), OFFICE));
  t.signIns.push(
    signIn(rnd, u, at(now, 7.5), ATTACKER, {
      status: { errorCode: 50126, failureReason: "Invalid username or password.", additionalDetails: null },
    }),
  );
  t.signIns.push(signIn(rnd, u, at(now, 7.2), ATTACKER));
  t.signIns.push(
    signIn(rnd, u, at(now, 6.9), ATTACKER, { clientAppUsed: "IMAP4", appDisplayName: "Exchange Online (IMAP)", isInteractive: false }),
  );
  u.sessions.push({ id: rnd.uuid(), actor: "attacker", issuedAt: at(now, 7.2) });

  const phoneAt = at(now, 7);
  u.methods.push({
    id: "3179e48a-750b-4051-897c-87b9720928f7",
    kind: "phone",
    phoneType: "mobile",
    phoneNumber: ATTACKER.phone,
    displayName: null,
    createdDateTime: phoneAt,
  });
  // The attacker's phone is the account's only MFA method, so it became the default: Graph will not delete it.
  u.signInPreferences = { isSystemPreferredAuthenticationMethodEnabled: true, userPreferredMethodForSecondaryAuthentication: "sms" };
  u.rules.push(
    {
      id: `AQAAA${rnd.int(10_000, 99_999)}=`,
      displayName: ".",
      sequence: 1,
      isEnabled: true,
      conditions: { bodyOrSubjectContains: ["invoice", "payment", "hacked", "spam", "phish"] },
      actions: { moveToFolder: folderId(u.id, "RSS Subscriptions"), markAsRead: true, stopProcessingRules: true },
    },
    {
      id: `AQAAA${rnd.int(10_000, 99_999)}=`,
      displayName: "..",
      sequence: 2,
      isEnabled: true,
      conditions: { subjectContains: ["RE:", "Undeliverable", "Automatic reply"] },
      actions: { delete: true },
    },
  );

  const grant: Grant = {
    id: rnd.uuid().replaceAll("-", "").slice(0, 22),
    clientId: rnd.uuid(),
    clientDisplayName: "Mail Helper Pro",
    consentType: "Principal",
    principalId: u.id,
    resourceId: "8a0c1f3e-0b2d-4c5e-9f6a-7b8c9d0e1f2a",
    scope: "Mail.Read Mail.Send MailboxSettings.ReadWrite offline_access",
  };
  t.grants.push(grant);

  const audit = (activity: string, category: string, hoursAgo: number, target: string | null = u.userPrincipalName): DirectoryAudit => ({
    id: rnd.uuid(),
    category,
    activityDisplayName: activity,
    activityDateTime: at(now, hoursAgo),
    result: "success",
    loggedByService: "Core Directory",
    operationType: "Add",
    initiatedBy: { user: { id: u.id, userPrincipalName: u.userPrincipalName, ipAddress: ATTACKER.ip }, app: null },
    targetResources: [{ id: u.id, displayName: u.displayName, type: "User", userPrincipalName: target }],
  });
  t.audits.push(
    audit("User registered security info", "UserManagement", 7),
    audit("Consent to application", "ApplicationManagement", 6.95),
  );

  // The bulk mail: sent over ~3 hours from the attacker's IP; the last hour's still settling.
  for (let i = 0; i < options.messagesToGmail; i++) {
    const hoursBack = 6.5 - (i / options.messagesToGmail) * 3;
    t.sent.push(
      message(
        rnd,
        now,
        u,
        `${rnd.pick(["j.smith", "maria", "dkim", "lee.w", "accounts", "finance", "m.rossi", "ap.team"])}.${rnd.int(100, 9999)}@gmail.com`,
        hoursBack,
        hoursBack < 4.3,
      ),
    );
  }
  for (const [domain, count] of [...OTHER_DOMAINS, [options.internalDomain, 8] as [string, number]]) {
    for (let i = 0; i < count; i++)
      t.sent.push(message(rnd, now, u, `user${rnd.int(10, 999)}@${domain}`, rnd.int(35, 65) / 10, rnd.next() < 0.3));
  }

  u.riskLevel = "high";
  u.riskState = "atRisk";
  u.riskLastUpdatedDateTime = at(now, 5);
  const incidentId = String(rnd.int(1000, 9999));
  const alert = (title: string, severity: Alert["severity"], hoursAgo: number): Alert => ({
    id: `fa${rnd.uuid().replaceAll("-", "").slice(0, 20)}`,
    title,
    severity,
    status: "new",
    category: "ThreatManagement",
    serviceSource: "microsoftDefenderForOffice365",
    createdDateTime: at(now, hoursAgo),
    incidentId,
    userPrincipalName: u.userPrincipalName,
  });
  t.alerts.push(
    alert("Suspicious email sending patterns detected", "medium", 4.5),
    alert("User restricted from sending email", "high", 3.4),
  );
}
