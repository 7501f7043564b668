// The simulated tenants' state. Plain data, mutated by the routes; reset rebuilds it from the
// scenario. Times are simulator-clock times (see clock.ts), so tests can move time forward.

export type AuthMethod = {
  id: string;
  kind: "phone" | "microsoftAuthenticator" | "email" | "softwareOath" | "fido2" | "windowsHelloForBusiness" | "temporaryAccessPass" | "password";
  displayName: string | null;
  phoneNumber?: string;
  phoneType?: "mobile" | "alternateMobile" | "office";
  emailAddress?: string;
  /** Windows Hello for Business. */
  keyStrength?: "normal" | "weak" | "unknown";
  /** Temporary Access Pass: usable from startDateTime for lifetimeInMinutes. */
  startDateTime?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  createdDateTime: string;
};

export type InboxRule = {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  conditions: Record<string, unknown>;
  actions: Record<string, unknown>;
};

export type Session = { id: string; actor: "user" | "attacker"; issuedAt: string };

export type SimUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
  accountEnabled: boolean;
  password: string;
  /** The password the attacker phished (the user's password when the scenario starts). */
  stolenPassword?: string;
  forceChangePasswordNextSignIn: boolean;
  perUserMfaState: "disabled" | "enabled" | "enforced";
  signInSessionsValidFromDateTime: string;
  isAdmin: boolean;
  directoryRoles: string[];
  methods: AuthMethod[];
  rules: InboxRule[];
  sessions: Session[];
  riskLevel: "none" | "low" | "medium" | "high";
  riskState: "none" | "atRisk" | "confirmedCompromised" | "dismissed" | "remediated";
  riskLastUpdatedDateTime: string;
};

export type SignIn = {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName: string;
  userDisplayName: string;
  appDisplayName: string;
  appId: string;
  ipAddress: string;
  clientAppUsed: string;
  isInteractive: boolean;
  location: { city: string; state: string | null; countryOrRegion: string };
  status: { errorCode: number; failureReason: string | null; additionalDetails: string | null };
  riskLevelDuringSignIn: string;
};

export type DirectoryAudit = {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  result: "success" | "failure";
  loggedByService: string;
  operationType: string;
  initiatedBy: { user: { id: string; userPrincipalName: string; ipAddress: string | null } | null; app: { appId: string; displayName: string } | null };
  targetResources: { id: string; displayName: string | null; type: string; userPrincipalName: string | null }[];
};

export type Grant = { id: string; clientId: string; clientDisplayName: string; consentType: "Principal" | "AllPrincipals"; principalId: string | null; resourceId: string; scope: string };

/** A message the user sent; its trace status settles over (simulator) time. */
export type SentMessage = {
  id: string;
  messageId: string;
  senderAddress: string;
  recipientAddress: string;
  subject: string;
  size: number;
  fromIP: string;
  receivedDateTime: string;
  initialStatus: "gettingStatus" | "pending";
  finalStatus: "delivered" | "failed" | "filteredAsSpam" | "quarantined";
  /** When the status leaves its initial value; null = it already has its final value. */
  settlesAt: string | null;
};

export type Alert = {
  id: string;
  title: string;
  severity: "low" | "medium" | "high";
  status: "new" | "inProgress" | "resolved";
  category: string;
  serviceSource: string;
  createdDateTime: string;
  incidentId: string;
  userPrincipalName: string;
};

export type OutboundMail = { id: string; from: string; to: string[]; subject: string; body: string; at: string };

export type AppRegistration = {
  clientId: string;
  clientSecret: string;
  /** Granted application permissions (token "roles"). */
  permissions: string[];
  /** Directory roles held by the app's service principal. */
  directoryRoles: string[];
};

/**
 * Another application's service principal in this tenant: a multi-tenant app after admin consent
 * (simulator/applications.ts), or one created with POST /servicePrincipals. Its permissions are
 * the application permissions consent granted; its directory roles come from role assignments.
 */
export type SimServicePrincipal = { id: string; appId: string; displayName: string; permissions: string[]; directoryRoles: string[]; createdDateTime: string };

export type TenantState = {
  tenantId: string;
  displayName: string;
  primaryDomain: string;
  licences: { p1: boolean; p2: boolean; messageTraceServicePrincipal: boolean };
  app: AppRegistration;
  users: SimUser[];
  signIns: SignIn[];
  audits: DirectoryAudit[];
  grants: Grant[];
  sent: SentMessage[];
  alerts: Alert[];
  outbox: OutboundMail[];
  /** How many users generateCompromisedUsers has added (the next one's running number). */
  generatedUsers: number;
  /** Service principals of other applications (consented multi-tenant apps); none when unset. */
  servicePrincipals?: SimServicePrincipal[];
};

export type WorldState = { tenants: Map<string, TenantState> };

export function findUser(t: TenantState, idOrUpn: string): SimUser | undefined {
  const key = decodeURIComponent(idOrUpn).toLowerCase();
  return t.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
}
