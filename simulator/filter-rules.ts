import type { FilterNode } from "./filter";
import { GraphHttpError } from "./http";

// Which $filter operators Graph accepts on a resource, where its docs limit them (the property
// descriptions in Microsoft's OpenAPI, "Supports $filter (eq, startsWith)", and the list pages).
// A property inside any() is written "collection/any" (the element itself) or
// "collection/any/prop". Resources without rules accept every operator the parser knows.

export type FilterRules = {
  resource: string;
  properties: Record<string, string[]>;
  /** Logical operators allowed; default and, or, not. */
  logical?: ("and" | "or" | "not")[];
  /** Directory resources answer Request_UnsupportedQuery; the others BadRequest. */
  directory?: boolean;
};

const EQ = ["eq"];
const EQ_STARTS = ["eq", "startswith"];
const DATES = ["eq", "ge", "le"];

export const SIGN_IN_FILTERS: FilterRules = {
  resource: "signIn",
  properties: {
    id: EQ,
    appDisplayName: EQ_STARTS,
    appId: EQ,
    clientAppUsed: EQ,
    correlationId: EQ,
    createdDateTime: DATES,
    ipAddress: EQ_STARTS,
    resourceDisplayName: EQ,
    resourceId: EQ,
    "riskEventTypes_v2/any": EQ_STARTS,
    userDisplayName: EQ_STARTS,
    userId: EQ,
    userPrincipalName: EQ_STARTS,
    "status/errorCode": EQ,
    "location/city": EQ_STARTS,
    "location/state": EQ_STARTS,
    "location/countryOrRegion": EQ_STARTS,
    conditionalAccessStatus: EQ,
    riskLevelDuringSignIn: EQ,
    riskLevelAggregated: EQ,
    riskState: EQ,
    isInteractive: EQ,
    "deviceDetail/browser": EQ_STARTS,
    "deviceDetail/operatingSystem": EQ_STARTS,
  },
};

export const DIRECTORY_AUDIT_FILTERS: FilterRules = {
  resource: "directoryAudit",
  properties: {
    id: EQ,
    activityDateTime: DATES,
    activityDisplayName: EQ_STARTS,
    category: EQ,
    correlationId: EQ,
    loggedByService: EQ,
    result: EQ,
    operationType: EQ,
    "initiatedBy/user/id": EQ,
    "initiatedBy/user/displayName": EQ,
    "initiatedBy/user/userPrincipalName": EQ_STARTS,
    "initiatedBy/app/appId": EQ,
    "initiatedBy/app/displayName": EQ,
    "targetResources/any/id": EQ,
    "targetResources/any/displayName": EQ_STARTS,
  },
};

export const REGISTRATION_FILTERS: FilterRules = {
  resource: "userRegistrationDetails",
  properties: {
    id: EQ,
    isAdmin: EQ,
    userType: EQ,
    isMfaCapable: EQ,
    isMfaRegistered: EQ,
    isPasswordlessCapable: EQ,
    isSsprCapable: EQ,
    isSsprEnabled: EQ,
    isSsprRegistered: EQ,
    isSystemPreferredAuthenticationMethodEnabled: EQ,
    "methodsRegistered/any": EQ,
    "systemPreferredAuthenticationMethods/any": EQ,
    userDisplayName: EQ_STARTS,
    userPrincipalName: EQ_STARTS,
  },
};

const ALERT_VALUES = ["eq", "ne"];
const ALERT_DATES = ["eq", "ne", "gt", "ge", "lt", "le"];
export const ALERT_FILTERS: FilterRules = {
  resource: "security.alert",
  properties: {
    assignedTo: ALERT_VALUES,
    classification: ALERT_VALUES,
    determination: ALERT_VALUES,
    createdDateTime: ALERT_DATES,
    lastUpdateDateTime: ALERT_DATES,
    severity: ALERT_VALUES,
    serviceSource: ALERT_VALUES,
    status: ALERT_VALUES,
  },
};

/**
 * riskdetection-list documents $filter without naming properties or operators; the stricter
 * reading: eq on the properties its examples and the resource page's enumerations use, the
 * comparisons on the three dates, and no "not".
 */
const RISK_DATES = ["eq", "gt", "ge", "lt", "le"];
export const RISK_DETECTION_FILTERS: FilterRules = {
  resource: "riskDetection",
  logical: ["and", "or"],
  properties: {
    id: EQ,
    userId: EQ,
    userPrincipalName: EQ,
    riskEventType: EQ,
    riskLevel: EQ,
    riskState: EQ,
    detectionTimingType: EQ,
    detectedDateTime: RISK_DATES,
    activityDateTime: RISK_DATES,
    lastUpdatedDateTime: RISK_DATES,
  },
};

/** docs/design-basis.md, message trace: eq only, receivedDateTime ge/le, subject contains/startswith/endswith; no "or". */
export const MESSAGE_TRACE_FILTERS: FilterRules = {
  resource: "exchangeMessageTrace",
  logical: ["and"],
  properties: {
    id: EQ,
    senderAddress: EQ,
    recipientAddress: EQ,
    messageId: EQ,
    fromIP: EQ,
    toIP: EQ,
    status: EQ,
    receivedDateTime: ["ge", "le"],
    subject: ["contains", "startswith", "endswith"],
  },
};

/** oauth2permissiongrant-list documents clientId, consentType, principalId and resourceId: `id eq` is not among them (read one by id instead). */
export const GRANT_FILTERS: FilterRules = {
  resource: "oAuth2PermissionGrant",
  directory: true,
  properties: { clientId: EQ, consentType: EQ, principalId: EQ, resourceId: EQ },
};

type Usage = { path: string; op: string };

function usages(node: FilterNode): { props: Usage[]; logical: Set<string> } {
  const props: Usage[] = [];
  const logical = new Set<string>();
  // A range variable stands for "<collection>/any".
  const resolve = (path: string, vars: Record<string, string>) => {
    const [first, ...rest] = path.split("/");
    return first! in vars ? [vars[first!], ...rest].join("/") : path;
  };
  const walk = (n: FilterNode, vars: Record<string, string>): void => {
    switch (n.kind) {
      case "and":
      case "or":
        logical.add(n.kind);
        walk(n.left, vars);
        walk(n.right, vars);
        return;
      case "not":
        logical.add("not");
        return walk(n.expr, vars);
      case "any":
        return walk(n.expr, { ...vars, [n.variable]: `${resolve(n.path, vars)}/any` });
      default:
        props.push({ path: resolve(n.path, vars), op: n.op });
    }
  };
  walk(node, {});
  return { props, logical };
}

/** Throws Graph's 400 for an operator or property the resource does not support. */
export function checkFilterRules(node: FilterNode, rules: FilterRules): void {
  const { props, logical } = usages(node);
  const fail = (message: string, property: string) =>
    new GraphHttpError(
      400,
      rules.directory ? "Request_UnsupportedQuery" : "BadRequest",
      rules.directory
        ? `Unsupported or invalid query filter clause specified for property '${property}' of resource '${rules.resource}'.`
        : message,
    );
  for (const op of logical) {
    if (!(rules.logical ?? ["and", "or", "not"]).includes(op as never))
      throw fail(`Invalid filter clause: the '${op}' operator is not supported on ${rules.resource}.`, op);
  }
  const known = new Map(Object.entries(rules.properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const { path, op } of props) {
    const allowed = known.get(path.toLowerCase());
    if (!allowed) throw fail(`Invalid filter clause: filtering on '${path}' is not supported on ${rules.resource}.`, path);
    if (!allowed.includes(op))
      throw fail(`Invalid filter clause: the operator '${op}' is not supported on '${path}' of ${rules.resource}.`, path);
  }
}
