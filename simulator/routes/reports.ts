import { badRequest, ok, type GraphContext } from "../http";
import { REGISTRATION_FILTERS } from "../filter-rules";
import { collection } from "../odata";
import { path, type Route } from "../route";
import { rolesOf, type SimUser, type TenantState } from "../state";

/** authenticationmethodsroot-list-userregistrationdetails: "supports only the $filter and $orderBy OData query parameters". */
function refuseOtherQueryOptions(ctx: GraphContext) {
  for (const key of ctx.query.keys()) {
    if (key.startsWith("$") && !["$filter", "$orderby", "$skiptoken"].includes(key.toLowerCase()))
      throw badRequest(`Query option '${key}' is not supported on userRegistrationDetails.`);
  }
}

function registration(t: TenantState, u: SimUser) {
  const methods = u.methods.filter((m) => m.kind !== "password").map((m) => (m.kind === "phone" ? "mobilePhone" : m.kind));
  const isMfaRegistered = methods.length > 0;
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    userDisplayName: u.displayName,
    userType: "member",
    isAdmin: u.isAdmin || rolesOf(t, u).length > 0,
    isMfaRegistered,
    isMfaCapable: isMfaRegistered && u.accountEnabled,
    isPasswordlessCapable: methods.includes("windowsHelloForBusiness") || methods.includes("fido2"),
    isSsprRegistered: isMfaRegistered,
    isSsprEnabled: true,
    isSsprCapable: isMfaRegistered,
    methodsRegistered: methods,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: [],
    userPreferredMethodForSecondaryAuthentication: methods.includes("microsoftAuthenticator")
      ? "push"
      : methods.includes("mobilePhone")
        ? "sms"
        : "none",
    lastUpdatedDateTime: u.riskLastUpdatedDateTime,
  };
}

export const reportRoutes: Route[] = [
  {
    op: "listUserRegistrationDetails",
    method: "GET",
    pattern: path("/reports/authenticationMethods/userRegistrationDetails"),
    licence: "p1",
    bucket: "reports",
    permissions: ["AuditLog.Read.All", "UserAuthenticationMethod.Read.All"],
    handle: (ctx) => {
      refuseOtherQueryOptions(ctx);
      return ok(
        collection(
          ctx,
          ctx.tenant.users.map((u) => registration(ctx.tenant, u)),
          { filterRules: REGISTRATION_FILTERS },
        ),
      );
    },
  },
];
