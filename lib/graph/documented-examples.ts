import type { RecordedExchange } from "./recording";

// Tests only: our own fixtures of the responses Microsoft documents for each Graph operation we
// call, written as replayable exchanges (tests/support/graph-replay.ts). Each is named after its
// learn.microsoft.com page. The pages could not be read where these were written: each shape
// follows the page's response as Microsoft's published OpenAPI schema (simulator/contract/graph)
// and our notes describe it — the properties and their spelling, what the page says is omitted
// (no createdDateTime on phone methods, no request-id on batch items, isReadOnly rules with empty
// conditions, a folder id in moveToFolder) — with values of our own. The test also checks each
// body against the published schema, so a fixture cannot drift from it unnoticed.

export const USER_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
export const UPN = "AdeleV@contoso.com";
const RID = "0fe3a8f3-8d9a-4f3c-8f3e-5e7d6a5b4c3d";

export type Example = { page: string; exchange: RecordedExchange; version?: "v1.0" | "beta" };

const ex = (page: string, method: string, url: string, status: number, body?: unknown, headers: Record<string, string> = {}): Example => ({
  page,
  version: url.startsWith("/beta") ? "beta" : "v1.0",
  exchange: { method, url, requestBody: undefined, status, headers: { "request-id": RID, ...headers }, body },
});

const page = (slug: string) => `learn.microsoft.com/graph/api/${slug}`;

export const EXAMPLES = {
  // The user resource's properties: mail differs from the UPN; lastPasswordChangeDateTime on $select.
  getUser: ex(
    page("user-get"),
    "GET",
    `/v1.0/users/${UPN}?$select=id,userPrincipalName,displayName,accountEnabled,mail,signInSessionsValidFromDateTime,lastPasswordChangeDateTime`,
    200,
    {
      "@odata.context":
        "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,accountEnabled,mail,signInSessionsValidFromDateTime,lastPasswordChangeDateTime)/$entity",
      id: USER_ID,
      userPrincipalName: UPN,
      displayName: "Adele Vance",
      accountEnabled: true,
      mail: "Adele.Vance@contoso.com",
      signInSessionsValidFromDateTime: "2026-11-02T09:14:05Z",
      lastPasswordChangeDateTime: "2026-10-30T17:01:12Z",
    },
  ),
  // No content on success (user-update: "204 No Content").
  patchUser: ex(page("user-update"), "PATCH", `/v1.0/users/${USER_ID}`, 204),
  // Documented as 204; answered 200 { value: true } (Graph known issues): any 2xx is success.
  revokeSessions: ex(page("user-revokesigninsessions"), "POST", `/v1.0/users/${USER_ID}/revokeSignInSessions`, 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean",
    value: true,
  }),
  transitiveMemberOf: ex(page("user-list-transitivememberof"), "GET", `/v1.0/users/${UPN}/transitiveMemberOf`, 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
    value: [
      {
        "@odata.type": "#microsoft.graph.group",
        id: "11111111-2222-4333-8444-555555555555",
        displayName: "Tier-1 Helpdesk",
        isAssignableToRole: true,
        securityEnabled: true,
        mailEnabled: false,
      },
      {
        "@odata.type": "#microsoft.graph.directoryRole",
        id: "a1b2c3d4-0000-4000-8000-000000000001",
        displayName: "Helpdesk Administrator",
        roleTemplateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
      },
    ],
  }),
  eligibility: (principal: string) =>
    ex(
      page("rbacapplication-list-roleeligibilityscheduleinstances"),
      "GET",
      `/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '${principal}'`,
      200,
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances",
        value:
          principal === USER_ID
            ? [
                {
                  id: "lAPpYvVpN0KRkAEhdxReECp",
                  principalId: USER_ID,
                  roleDefinitionId: "62e90394-69f5-4237-9190-012177145e10",
                  directoryScopeId: "/",
                  appScopeId: null,
                  startDateTime: "2026-08-01T00:00:00Z",
                  endDateTime: null,
                  memberType: "Direct",
                  roleEligibilityScheduleId: "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
                },
              ]
            : [],
      },
    ),
  // Phone methods have no createdDateTime in the published schema; Authenticator ones do.
  methods: ex(page("authentication-list-methods"), "GET", `/v1.0/users/${USER_ID}/authentication/methods`, 200, {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${USER_ID}')/authentication/methods`,
    value: [
      {
        "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
        id: "28c10230-6103-485e-b985-444c60001490",
        password: null,
        createdDateTime: "2025-01-02T03:04:05Z",
      },
      {
        "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
        id: "3179e48a-750b-4051-897c-87b9720928f7",
        phoneNumber: "+1 2065555555",
        phoneType: "mobile",
        smsSignInState: "notAllowedByPolicy",
      },
      {
        "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        id: "6a4d2a0b-a3d2-4f20-96f5-0a3d8c4f8c2e",
        displayName: "iPhone 14",
        deviceTag: "SoftwareTokenActivated",
        phoneAppVersion: "6.8.7",
        createdDateTime: "2026-11-23T22:10:00Z",
      },
    ],
  }),
  deletePhone: ex(
    page("phoneauthenticationmethod-delete"),
    "DELETE",
    `/v1.0/users/${USER_ID}/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7`,
    204,
  ),
  signInPreferences: ex(
    page("authentication-get?view=graph-rest-beta"),
    "GET",
    `/beta/users/${USER_ID}/authentication/signInPreferences`,
    200,
    {
      "@odata.context": `https://graph.microsoft.com/beta/$metadata#users('${USER_ID}')/authentication/signInPreferences`,
      isSystemPreferredAuthenticationMethodEnabled: true,
      userPreferredMethodForSecondaryAuthentication: "sms",
    },
  ),
  requirements: ex(page("authentication-get?view=graph-rest-beta"), "GET", `/beta/users/${USER_ID}/authentication/requirements`, 200, {
    perUserMfaState: "enforced",
  }),
  // moveToFolder is a folder id; a rule Graph cannot model is isReadOnly with empty conditions and actions.
  rules: ex(page("mailfolder-list-messagerules"), "GET", `/v1.0/users/${USER_ID}/mailFolders/inbox/messageRules`, 200, {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${USER_ID}')/mailFolders('inbox')/messageRules`,
    value: [
      {
        id: "AQAAAJ5dZqA=",
        displayName: "From partner",
        sequence: 2,
        isEnabled: true,
        hasError: false,
        isReadOnly: false,
        conditions: { senderContains: ["adele"] },
        actions: { moveToFolder: "AAMkAGI2TGuLAAA=", stopProcessingRules: true },
        exceptions: {},
      },
      {
        id: "AQAAAJ5dZqB=",
        displayName: "Imported rule",
        sequence: 3,
        isEnabled: true,
        hasError: false,
        isReadOnly: true,
        conditions: {},
        actions: {},
        exceptions: {},
      },
    ],
  }),
  folder: ex(page("mailfolder-get"), "GET", `/v1.0/users/${USER_ID}/mailFolders/AAMkAGI2TGuLAAA=?$select=id,displayName`, 200, {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${USER_ID}')/mailFolders(id,displayName)/$entity`,
    id: "AAMkAGI2TGuLAAA=",
    displayName: "Partner mail",
  }),
  signIns: ex(
    page("signin-list"),
    "GET",
    `/v1.0/auditLogs/signIns?$filter=userId eq '${USER_ID}' and createdDateTime ge 2026-11-01T00:00:00.000Z&$top=1000`,
    200,
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
      value: [
        {
          id: "66ea54eb-6301-4ee5-be62-ff5a759b0100",
          createdDateTime: "2026-11-23T21:58:00Z",
          userDisplayName: "Adele Vance",
          userPrincipalName: UPN,
          userId: USER_ID,
          appId: "00000002-0000-0ff1-ce00-000000000000",
          appDisplayName: "Office 365 Exchange Online",
          ipAddress: "203.0.113.9",
          clientAppUsed: "IMAP",
          correlationId: "d79f5bee-5860-4832-928f-3133e22ae912",
          conditionalAccessStatus: "notApplied",
          isInteractive: false,
          riskDetail: "hidden",
          riskLevelAggregated: "hidden",
          riskLevelDuringSignIn: "hidden",
          riskState: "none",
          riskEventTypes: [],
          riskEventTypes_v2: [],
          resourceDisplayName: "Office 365 Exchange Online",
          resourceId: "00000002-0000-0ff1-ce00-000000000000",
          status: { errorCode: 0, failureReason: "Other.", additionalDetails: null },
          deviceDetail: {
            deviceId: "",
            displayName: null,
            operatingSystem: "Windows 10",
            browser: "",
            isCompliant: null,
            isManaged: null,
            trustType: null,
          },
          location: {
            city: "Lagos",
            state: "Lagos",
            countryOrRegion: "NG",
            geoCoordinates: { altitude: null, latitude: 6.45, longitude: 3.39 },
          },
          appliedConditionalAccessPolicies: [],
        },
      ],
    },
  ),
  audits: ex(
    page("directoryaudit-list"),
    "GET",
    `/v1.0/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '${USER_ID}' and activityDateTime ge 2026-11-01T00:00:00.000Z`,
    200,
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits",
      value: [
        {
          id: "Directory_ACX_40985_8a16a6bd",
          category: "UserManagement",
          correlationId: "da159bfb-54fa-4092-8a38-9a2cb9da8c5e",
          result: "success",
          resultReason: "",
          activityDisplayName: "User registered security info",
          activityDateTime: "2026-11-23T22:00:00Z",
          loggedByService: "Authentication Methods",
          operationType: "Add",
          initiatedBy: {
            user: {
              id: USER_ID,
              displayName: null,
              userPrincipalName: UPN,
              ipAddress: "203.0.113.9",
              userType: null,
              homeTenantId: null,
              homeTenantName: null,
            },
          },
          targetResources: [{ id: USER_ID, displayName: "Adele Vance", type: "User", userPrincipalName: UPN, modifiedProperties: [] }],
          additionalDetails: [],
        },
      ],
    },
  ),
  grant: ex(page("oauth2permissiongrant-get"), "GET", "/v1.0/oauth2PermissionGrants/l5-cGLTsDku3Bd4TqzFzFG5nO58", 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants/$entity",
    id: "l5-cGLTsDku3Bd4TqzFzFG5nO58",
    clientId: "189c9f97-ec34-4b0e-b705-de13ab317314",
    consentType: "Principal",
    principalId: USER_ID,
    resourceId: "3b8f1b8c-0e5e-4e0e-9a2c-6a7f8c2d1e0f",
    scope: "Mail.Read offline_access",
  }),
  grantGone: ex(page("oauth2permissiongrant-get"), "GET", "/v1.0/oauth2PermissionGrants/gone", 404, {
    error: {
      code: "Request_ResourceNotFound",
      message: "Resource 'gone' does not exist or one of its queried reference-property objects are not present.",
      innerError: { date: "2026-11-24T10:00:00", "request-id": RID, "client-request-id": RID },
    },
  }),
  // isProcessing: Identity Protection still works on the change.
  riskyUser: ex(page("riskyuser-get"), "GET", `/v1.0/identityProtection/riskyUsers/${USER_ID}`, 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityProtection/riskyUsers/$entity",
    id: USER_ID,
    isDeleted: false,
    isProcessing: true,
    riskLastUpdatedDateTime: "2026-11-24T10:00:00Z",
    riskLevel: "high",
    riskState: "atRisk",
    riskDetail: "none",
    userDisplayName: "Adele Vance",
    userPrincipalName: UPN,
  }),
  // A detection's own properties (riskdetection-list's response, the riskDetection resource); the poll's $filter and $select.
  riskDetections: (filter: string, select: string) =>
    ex(
      page("riskdetection-list"),
      "GET",
      `/v1.0/identityProtection/riskDetections?$filter=${encodeURIComponent(filter)}&$select=${select}&$top=500`,
      200,
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityProtection/riskDetections",
        value: [
          {
            id: "6a5874ca-abcd-9d82-5ad39bd71600",
            userPrincipalName: "AdeleV@contoso.com",
            riskEventType: "unfamiliarFeatures",
            riskLevel: "medium",
            riskState: "atRisk",
            riskDetail: "none",
            detectionTimingType: "realtime",
            ipAddress: "123.456.7.89",
            activityDateTime: "2026-11-24T10:02:00Z",
            detectedDateTime: "2026-11-24T10:03:00Z",
          },
        ],
      },
    ),
  // Lower camelCase statuses in v1.0; one row per message per recipient.
  traces: ex(
    page("messagetracingroot-list-messagetraces"),
    "GET",
    "/v1.0/admin/exchange/tracing/messageTraces?$filter=senderAddress eq 'Adele.Vance@contoso.com' and receivedDateTime ge 2026-11-20T00:00:00Z and receivedDateTime le 2026-11-24T00:00:00Z&$top=5000",
    200,
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#admin/exchange/tracing/messageTraces",
      value: [
        {
          id: "4c8a6c6d-0e8b-4bb5-a1e1-4c2e5d1f0a01",
          messageId: "<a1@contoso.com>",
          senderAddress: "Adele.Vance@contoso.com",
          recipientAddress: "j.smith@gmail.com",
          subject: "Invoice",
          size: 23145,
          fromIP: "203.0.113.9",
          toIP: "198.51.100.7",
          receivedDateTime: "2026-11-23T22:10:00Z",
          status: "delivered",
        },
        {
          id: "4c8a6c6d-0e8b-4bb5-a1e1-4c2e5d1f0a02",
          messageId: "<a2@contoso.com>",
          senderAddress: "Adele.Vance@contoso.com",
          recipientAddress: "maria@gmail.com",
          subject: "Invoice",
          size: 23145,
          fromIP: "203.0.113.9",
          toIP: null,
          receivedDateTime: "2026-11-23T22:11:00Z",
          status: "gettingStatus",
        },
      ],
    },
  ),
  // "202 Accepted": queued, no body.
  sendMail: ex(page("user-sendmail"), "POST", "/v1.0/users/security@contoso.com/sendMail", 202),
  registration: ex(
    page("authenticationmethodsroot-list-userregistrationdetails"),
    "GET",
    "/v1.0/reports/authenticationMethods/userRegistrationDetails",
    200,
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails",
      value: [
        {
          id: USER_ID,
          userPrincipalName: UPN,
          userDisplayName: "Adele Vance",
          userType: "member",
          isAdmin: false,
          isSsprRegistered: false,
          isSsprEnabled: false,
          isSsprCapable: false,
          isMfaRegistered: true,
          isMfaCapable: true,
          isPasswordlessCapable: false,
          methodsRegistered: ["mobilePhone"],
          isSystemPreferredAuthenticationMethodEnabled: true,
          systemPreferredAuthenticationMethods: ["Sms"],
          userPreferredMethodForSecondaryAuthentication: "sms",
          lastUpdatedDateTime: "2026-11-23T22:00:00Z",
        },
      ],
      "@odata.nextLink": "https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=Mg",
    },
  ),
} as const;

/** json-batching: the answer's items carry status, headers and body — and no request-id of their own. */
export function batchAnswer(ids: string[], status = 204): Example {
  return ex(page("../json-batching"), "POST", "/v1.0/$batch", 200, {
    responses: ids.map((id) => ({ id, status, headers: { "Content-Type": "application/json" } })),
  });
}
