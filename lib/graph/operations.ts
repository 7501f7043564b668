// What each Graph operation needs, so a refusal can say exactly what to grant (docs/graph-behaviour.md;
// the permission tables of each operation's learn.microsoft.com page, named in docs/graph-behaviour.md).
export type GraphOperationInfo = {
  title: string;
  /** The least-privileged application permission. */
  permission: string;
  /** Further application permissions the operation needs as well (every one of them). */
  alsoNeeds?: readonly string[];
  /** A directory role the app's service principal must also hold. */
  directoryRole?: string;
  licence?: "Entra ID P1" | "Entra ID P2";
  /** A service principal the tenant must have for the API (message trace's). */
  servicePrincipal?: string;
  /** Changes the tenant: the connection check never tries it. */
  write?: true;
  /**
   * Connecting the tenant, not remediation: listed in the connection checklist, not in the table
   * of operations. "delegated" ones run only as the signed-in admin in the guided setup.
   */
  connection?: "app" | "delegated";
  /** Not safe to send twice after an answer that may hide a success (a 5xx, a timeout): never retried automatically. */
  idempotent?: false;
};

/** The message trace API's first-party app; the tenant needs a service principal for it. */
export const MESSAGE_TRACE_APP_ID = "8bd644d1-64a1-4d4b-ae52-2e0cbf64e373";

export const GRAPH_OPERATIONS = {
  getUser: { title: "read the user", permission: "User.Read.All" },
  listUserRoles: { title: "read the user's directory roles (also through groups)", permission: "Directory.Read.All" },
  listRoleEligibility: { title: "read the user's eligible directory roles (PIM)", permission: "RoleEligibilitySchedule.Read.Directory" },
  resetPassword: {
    title: "reset the password",
    permission: "User-PasswordProfile.ReadWrite.All",
    directoryRole: "User Administrator",
    write: true,
  },
  setAccountEnabled: { title: "block or allow sign-in", permission: "User.EnableDisableAccount.All", write: true },
  revokeSessions: { title: "revoke sign-in sessions", permission: "User.RevokeSessions.All", write: true },
  getMfaState: { title: "read per-user MFA", permission: "Policy.Read.All" },
  setMfaState: { title: "enforce per-user MFA", permission: "Policy.ReadWrite.AuthenticationMethod", write: true },
  listAuthMethods: { title: "list authentication methods", permission: "UserAuthenticationMethod.Read.All" },
  deleteAuthMethod: { title: "remove an authentication method", permission: "UserAuthenticationMethod.ReadWrite.All", write: true },
  getSignInPreferences: { title: "read the user's default sign-in method", permission: "UserAuthenticationMethod.Read.All" },
  setSignInPreferences: {
    title: "change the user's default sign-in method",
    permission: "UserAuthenticationMethod.ReadWrite.All",
    write: true,
  },
  listInboxRules: { title: "list inbox rules", permission: "MailboxSettings.Read" },
  deleteInboxRule: { title: "delete an inbox rule", permission: "MailboxSettings.ReadWrite", write: true },
  getMailFolder: { title: "read a mail folder's name", permission: "Mail.ReadBasic.All" },
  // learn.microsoft.com/graph/api/signin-list: the application permission table asks for both.
  listSignIns: { title: "read sign-in logs", permission: "AuditLog.Read.All", alsoNeeds: ["Directory.Read.All"], licence: "Entra ID P1" },
  listDirectoryAudits: { title: "read directory audit logs", permission: "AuditLog.Read.All" },
  listGrants: { title: "list OAuth consents", permission: "Directory.Read.All" },
  getGrant: { title: "read an OAuth consent", permission: "Directory.Read.All" },
  deleteGrant: { title: "revoke an OAuth consent", permission: "DelegatedPermissionGrant.ReadWrite.All", write: true },
  getServicePrincipal: { title: "read the consented app", permission: "Directory.Read.All" },
  getRiskyUser: { title: "read the user's risk", permission: "IdentityRiskyUser.Read.All", licence: "Entra ID P2" },
  confirmCompromised: {
    title: "confirm the user compromised",
    permission: "IdentityRiskyUser.ReadWrite.All",
    licence: "Entra ID P2",
    write: true,
  },
  listMessageTraces: {
    title: "run a message trace",
    permission: "ExchangeMessageTrace.Read.All",
    servicePrincipal: `the message trace API's service principal (app ${MESSAGE_TRACE_APP_ID})`,
  },
  // sendMail's 202 means queued (learn.microsoft.com/graph/api/user-sendmail): a resend after an unclear answer can deliver twice.
  sendMail: { title: "send mail", permission: "Mail.Send", write: true, idempotent: false },
  listRegistrationDetails: { title: "read MFA registration", permission: "AuditLog.Read.All", licence: "Entra ID P1" },
  listAlerts: { title: "read Defender alerts", permission: "SecurityAlert.Read.All" },
  // learn.microsoft.com/graph/api/riskdetection-list: IdentityRiskEvent.Read.All, "a Microsoft Entra ID P1 or P2 license".
  listRiskDetections: {
    title: "read Identity Protection risk detections",
    permission: "IdentityRiskEvent.Read.All",
    licence: "Entra ID P1",
  },
  // Connecting (lib/graph/connection-checklist.ts, connection-setup.ts).
  getAppPrincipal: { title: "read the app's service principal", permission: "Application.Read.All", connection: "app" },
  listRoleAssignments: { title: "read the app's directory roles", permission: "RoleManagement.Read.Directory", connection: "app" },
  assignDirectoryRole: {
    title: "assign a directory role to Breachdesk's app",
    permission: "RoleManagement.ReadWrite.Directory",
    write: true,
    connection: "delegated",
  },
  createServicePrincipal: {
    title: "create the message trace API's service principal",
    permission: "Application.ReadWrite.All",
    write: true,
    connection: "delegated",
  },
} as const satisfies Record<string, GraphOperationInfo>;

export type GraphOperation = keyof typeof GRAPH_OPERATIONS;

/** What the connection check lists operation by operation: remediation, not connecting. */
export const REMEDIATION_OPERATIONS = (Object.keys(GRAPH_OPERATIONS) as GraphOperation[]).filter(
  (op) => !(GRAPH_OPERATIONS[op] as GraphOperationInfo).connection,
);

/**
 * The application permissions Breachdesk's own app requests, which admin consent grants: what
 * every app-only operation needs, except Mail.Send. Sending advisories is granted per mailbox by
 * an Exchange application access scope instead (learn.microsoft.com/exchange/permissions-exo/application-rbac),
 * so the app cannot send as anyone else; an Entra grant of Mail.Send would reach every mailbox.
 */
export const DEPLOYMENT_APP_PERMISSIONS: string[] = [
  ...new Set(
    (Object.keys(GRAPH_OPERATIONS) as GraphOperation[])
      .map((op) => GRAPH_OPERATIONS[op] as GraphOperationInfo)
      .filter((info) => info.connection !== "delegated" && info.permission !== "Mail.Send")
      .map((info) => info.permission),
  ),
].sort();
/** Every application permission the operation needs. */
export const permissionsOf = (info: Pick<GraphOperationInfo, "permission" | "alsoNeeds">): string[] => [
  info.permission,
  ...(info.alsoNeeds ?? []),
];

/** "AuditLog.Read.All and Directory.Read.All" */
export const permissionWords = (info: Pick<GraphOperationInfo, "permission" | "alsoNeeds">): string => permissionsOf(info).join(" and ");
