import { ok } from "../http";
import { REGISTRATION_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { SimUser } from "../state";

function registration(u: SimUser) {
  const methods = u.methods.filter((m) => m.kind !== "password").map((m) => (m.kind === "phone" ? "mobilePhone" : m.kind));
  const isMfaRegistered = methods.length > 0;
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    userDisplayName: u.displayName,
    userType: "member",
    isAdmin: u.isAdmin,
    isMfaRegistered,
    isMfaCapable: isMfaRegistered && u.accountEnabled,
    isPasswordlessCapable: methods.includes("windowsHelloForBusiness") || methods.includes("fido2"),
    isSsprRegistered: isMfaRegistered,
    isSsprEnabled: true,
    isSsprCapable: isMfaRegistered,
    methodsRegistered: methods,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: [],
    userPreferredMethodForSecondaryAuthentication: methods.includes("microsoftAuthenticator") ? "push" : methods.includes("mobilePhone") ? "sms" : "none",
    lastUpdatedDateTime: u.riskLastUpdatedDateTime,
  };
}

export const reportRoutes: Route[] = [
  {
    op: "listUserRegistrationDetails", method: "GET", pattern: path("/reports/authenticationMethods/userRegistrationDetails"), licence: "p1", bucket: "reports",
    permissions: ["AuditLog.Read.All", "UserAuthenticationMethod.Read.All"],
    handle: (ctx) => ok(collection(ctx, ctx.tenant.users.map(registration), { filterRules: REGISTRATION_FILTERS })),
  },
];
