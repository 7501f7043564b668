// The simulated tenants' state. Plain data, mutated by the routes; reset rebuilds it from the
// scenario. Times are simulator-clock times (see clock.ts), so tests can move time forward.

export type AuthMethod = {
  id: string;
  kind:
    | "phone"
    | "microsoftAuthenticator"
    | "email"
    | "softwareOath"
    | "fido2"
    | "windowsHelloForBusiness"
    | "temporaryAccessPass"
    | "password";
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
  /**
   * Left out of the answer for phone and email methods: Microsoft's published v1.0 schema of
   * 2024 declares createdDateTime only on some method types (simulator/contract/graph), so a
   * client must cope with methods that have none.
   */
  createdDateTime: string;
};

/** The user's default MFA method (beta signInPreferences, learn.microsoft.com/graph/api/authentication-update?view=graph-rest-beta). */
export type SignInPreferences = {
  isSystemPreferredAuthenticationMethodEnabled: boolean;
  userPreferredMethodForSecondaryAuthentication: "push" | "oath" | "voiceMobile" | "voiceAlternateMobile" | "voiceOffice" | "sms" | null;
};

export type MailFolder = { id: string; displayName: string };

export type InboxRule = {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  /** Conditions Graph cannot model: listed with empty conditions and actions, and never deleted through Graph (messagerule.md). */
  isReadOnly?: boolean;
  conditions: Record<string, unknown>;
  /** moveToFolder holds a folder id, as Graph's does (messageruleactions.md). */
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
  lastPasswordChangeDateTime: string;
  /** Holds a directory role directly (see also the tenant's groups and PIM eligibilities). */
  isAdmin: boolean;
  /** Active directory roles assigned to the user directly. */
  directoryRoles: string[];
  methods: AuthMethod[];
  signInPreferences: SignInPreferences;
  folders: MailFolder[];
  rules: InboxRule[];
  sessions: Session[];
  riskLevel: "none" | "low" | "medium" | "high";
  riskState: "none" | "atRisk" | "confirmedCompromised" | "dismissed" | "remediated";
  riskLastUpdatedDateTime: string;
  /** confirmCompromised / dismiss being processed: the new state shows from `at` (riskyUser.isProcessing until then). */
  riskProcessing?: { at: string; riskState: SimUser["riskState"]; riskLevel: SimUser["riskLevel"] } | null;
};

/** A role-assignable group holding directory roles (its members hold them too, transitively). */
export type RoleGroup = {
  id: string;
  displayName: string;
  members: string[];
  directoryRoles: { roleTemplateId: string; displayName: string }[];
};

/** A PIM eligible assignment: not active, so memberOf never shows it (roleEligibilityScheduleInstances does). */
export type RoleEligibility = { id: string; principalId: string; roleDefinitionId: string; roleName: string; startDateTime: string };

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
  initiatedBy: {
    user: { id: string; userPrincipalName: string; ipAddress: string | null } | null;
    app: { appId: string; displayName: string } | null;
  };
  targetResources: { id: string; displayName: string | null; type: string; userPrincipalName: string | null }[];
  /** When the entry can be listed (audit latency); absent = at once. Never sent. */
  visibleAt?: string;
};

export type Grant = {
  id: string;
  clientId: string;
  clientDisplayName: string;
  consentType: "Principal" | "AllPrincipals";
  principalId: string | null;
  resourceId: string;
  scope: string;
};

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

/**
 * One Identity Protection risk detection (learn.microsoft.com/graph/api/resources/riskdetection):
 * the subset of its properties the simulator keeps; the view adds the rest.
 */
export type RiskDetection = {
  id: string;
  userId: string;
  userPrincipalName: string;
  userDisplayName: string;
  riskEventType: string;
  riskLevel: "low" | "medium" | "high";
  riskState: "atRisk" | "confirmedCompromised" | "dismissed" | "remediated";
  ipAddress: string;
  detectedDateTime: string;
  activityDateTime: string;
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
export type SimServicePrincipal = {
  id: string;
  appId: string;
  displayName: string;
  permissions: string[];
  directoryRoles: string[];
  createdDateTime: string;
};

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
  /** Identity Protection risk detections (simulator/risk-detections.ts); none when unset. */
  riskDetections?: RiskDetection[];
  outbox: OutboundMail[];
  /** How many users generateCompromisedUsers has added (the next one's running number). */
  generatedUsers: number;
  /** Service principals of other applications (consented multi-tenant apps); none when unset. */
  servicePrincipals?: SimServicePrincipal[];
  groups: RoleGroup[];
  roleEligibilities: RoleEligibility[];
  /**
   * Exchange RBAC for Applications / an application access policy scoping the app's Mail.Send:
   * null = unrestricted; else the mailboxes (UPN or SMTP) the app may send as.
   */
  mailSendScope: string[] | null;
  /** What reads see while writes replicate (lag.ts): the value before unseen writes, per resource and key. */
  replica: Map<string, { before: unknown; visibleAt: number }>;
};

export type WorldState = { tenants: Map<string, TenantState> };

/** By object id or UPN, as Graph's /users/{id | userPrincipalName} — never by SMTP address. */
export function findUser(t: TenantState, idOrUpn: string): SimUser | undefined {
  const key = decodeURIComponent(idOrUpn).toLowerCase();
  return t.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
}

/** Every directory role the user holds or may activate: direct, through role-assignable groups, and PIM-eligible. */
export function rolesOf(t: TenantState, u: SimUser): string[] {
  const viaGroups = t.groups.filter((g) => g.members.includes(u.id)).flatMap((g) => g.directoryRoles.map((r) => r.displayName));
  const eligible = t.roleEligibilities
    .filter((e) => e.principalId === u.id || t.groups.some((g) => g.id === e.principalId && g.members.includes(u.id)))
    .map((e) => e.roleName);
  return [...new Set([...u.directoryRoles, ...viaGroups, ...eligible])];
}
