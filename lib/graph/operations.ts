// What each Graph operation needs, so a refusal can say exactly what to grant (graph-api.md §1).
export type GraphOperationInfo = {
  title: string;
  /** The least-privileged application permission. */
  permission: string;
  /** A directory role the app's service principal must also hold. */
  directoryRole?: string;
  licence?: "Entra ID P1" | "Entra ID P2" | "message trace";
};

export const GRAPH_OPERATIONS = {
  getUser: { title: "read the user", permission: "User.Read.All" },
  listUserRoles: { title: "read the user's directory roles", permission: "Directory.Read.All" },
  resetPassword: { title: "reset the password", permission: "User-PasswordProfile.ReadWrite.All", directoryRole: "User Administrator" },
  setAccountEnabled: { title: "block or allow sign-in", permission: "User.EnableDisableAccount.All" },
  revokeSessions: { title: "revoke sign-in sessions", permission: "User.RevokeSessions.All" },
  getMfaState: { title: "read per-user MFA", permission: "Policy.Read.All" },
  setMfaState: { title: "enforce per-user MFA", permission: "Policy.ReadWrite.AuthenticationMethod" },
  listAuthMethods: { title: "list authentication methods", permission: "UserAuthenticationMethod.Read.All" },
  deleteAuthMethod: { title: "remove an authentication method", permission: "UserAuthenticationMethod.ReadWrite.All" },
  listInboxRules: { title: "list inbox rules", permission: "MailboxSettings.Read" },
  deleteInboxRule: { title: "delete an inbox rule", permission: "MailboxSettings.ReadWrite" },
  listSignIns: { title: "read sign-in logs", permission: "AuditLog.Read.All", licence: "Entra ID P1" },
  listDirectoryAudits: { title: "read directory audit logs", permission: "AuditLog.Read.All" },
  listGrants: { title: "list OAuth consents", permission: "Directory.Read.All" },
  deleteGrant: { title: "revoke an OAuth consent", permission: "DelegatedPermissionGrant.ReadWrite.All" },
  getServicePrincipal: { title: "read the consented app", permission: "Directory.Read.All" },
  getRiskyUser: { title: "read the user's risk", permission: "IdentityRiskyUser.Read.All", licence: "Entra ID P2" },
  confirmCompromised: { title: "confirm the user compromised", permission: "IdentityRiskyUser.ReadWrite.All", licence: "Entra ID P2" },
  listMessageTraces: { title: "run a message trace", permission: "ExchangeMessageTrace.Read.All", licence: "message trace" },
  sendMail: { title: "send mail", permission: "Mail.Send" },
  listRegistrationDetails: { title: "read MFA registration", permission: "AuditLog.Read.All", licence: "Entra ID P1" },
  listAlerts: { title: "read Defender alerts", permission: "SecurityAlert.Read.All" },
} as const satisfies Record<string, GraphOperationInfo>;

export type GraphOperation = keyof typeof GRAPH_OPERATIONS;
