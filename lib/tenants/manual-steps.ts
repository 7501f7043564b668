import type { ChecklistKey } from "@/lib/graph/connection-checklist";
import { ROLE_TEMPLATES } from "@/lib/graph/connection-checklist";
import { MESSAGE_TRACE_APP_ID } from "@/lib/graph/operations";

// For admins who prefer to do it themselves: each checklist item as the exact steps in the
// Entra admin center, and the equivalent Graph request or PowerShell. Sources:
// learn.microsoft.com/entra/identity/role-based-access-control/manage-roles-portal (assign a role
// to a service principal), graph/api/rbacapplication-post-roleassignments,
// graph/api/serviceprincipal-post-serviceprincipals, exchange/permissions-exo/application-rbac
// (RBAC for Applications: management scope + role assignment with -App).

export type ManualSteps = {
  title: string;
  why: string;
  portal: string[];
  graph?: { request: string; body: string; needs: string };
  powershell?: string[];
};

export type ManualContext = {
  appName: string;
  appClientId: string | null;
  servicePrincipalId: string | null;
  serviceMailbox: string | null;
};

const roleSteps = (c: ManualContext, role: string, templateId: string, why: string): ManualSteps => ({
  title: `${role} role for ${c.appName}`,
  why,
  portal: [
    "Sign in to the Microsoft Entra admin center (entra.microsoft.com) as a Privileged Role Administrator or Global Administrator.",
    `Go to Identity → Roles & admins → Roles & admins, and open ${role}.`,
    `Choose Add assignments, then Select member(s), search for the enterprise application “${c.appName}” and select it.`,
    "Choose Next, keep the assignment Active and permanent, and choose Assign.",
  ],
  graph: {
    request: "POST https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments",
    body: JSON.stringify(
      {
        "@odata.type": "#microsoft.graph.unifiedRoleAssignment",
        principalId: c.servicePrincipalId ?? "<object id of the app's service principal>",
        roleDefinitionId: templateId,
        directoryScopeId: "/",
      },
      null,
      2,
    ),
    needs: "Delegated RoleManagement.ReadWrite.Directory, signed in as a Privileged Role Administrator.",
  },
});

export function manualStepsFor(key: ChecklistKey, c: ManualContext): ManualSteps {
  const appId = c.appClientId ?? "<application (client) id>";
  switch (key) {
    case "consent":
      return {
        title: `Admin consent to ${c.appName}`,
        why: "Grants the application permissions Breachdesk's operations need, for the whole tenant.",
        portal: [
          "Use Connect Microsoft 365 above, signed in as a Global Administrator or Privileged Role Administrator, or:",
          `In the Entra admin center, go to Identity → Applications → Enterprise applications, open “${c.appName}”, then Security → Permissions, and choose Grant admin consent.`,
        ],
      };
    case "userAdministrator":
      return roleSteps(
        c,
        "User Administrator",
        ROLE_TEMPLATES.userAdministrator,
        "Resetting a password app-only needs a directory role as well as the permission.",
      );
    case "privilegedAuthentication":
      return roleSteps(
        c,
        "Privileged Authentication Administrator",
        ROLE_TEMPLATES.privilegedAuthenticationAdministrator,
        "Only needed to reset the passwords of administrators. It is a highly privileged role: assign it only if Breachdesk should contain admin accounts.",
      );
    case "messageTrace":
      return {
        title: "Message trace service principal",
        why: `The Graph message trace API answers 401 until the tenant has a service principal for Microsoft's app ${MESSAGE_TRACE_APP_ID}. The Entra admin center has no button for it.`,
        portal: [
          "Run the PowerShell below (Microsoft Graph PowerShell), signed in as an Application Administrator or Cloud Application Administrator.",
        ],
        powershell: ["Connect-MgGraph -Scopes Application.ReadWrite.All", `New-MgServicePrincipal -AppId ${MESSAGE_TRACE_APP_ID}`],
        graph: {
          request: "POST https://graph.microsoft.com/v1.0/servicePrincipals",
          body: JSON.stringify({ appId: MESSAGE_TRACE_APP_ID }, null, 2),
          needs: "Delegated Application.ReadWrite.All, signed in as an Application Administrator or Cloud Application Administrator.",
        },
      };
    case "mailboxScope": {
      const mailbox = c.serviceMailbox ?? "<service mailbox>";
      return {
        title: "Service mailbox access",
        why: `Breachdesk's app does not ask for Mail.Send for every mailbox. Exchange Online's RBAC for Applications grants it for ${mailbox} only; there is no Graph API for it.`,
        portal: ["Run the Exchange Online PowerShell below as an Exchange Administrator. The last command checks it without sending mail."],
        powershell: [
          "Connect-ExchangeOnline",
          `New-ServicePrincipal -AppId ${appId} -ObjectId ${c.servicePrincipalId ?? "<object id of the app's service principal>"} -DisplayName "${c.appName}"`,
          `New-ManagementScope -Name "Breachdesk service mailbox" -RecipientRestrictionFilter "PrimarySmtpAddress -eq '${mailbox}'"`,
          `New-ManagementRoleAssignment -App ${appId} -Role "Application Mail.Send" -CustomResourceScope "Breachdesk service mailbox"`,
          `Test-ServicePrincipalAuthorization -Identity ${appId} -Resource ${mailbox}`,
        ],
      };
    }
  }
}

export const CHECKLIST_TITLES: Record<ChecklistKey, string> = {
  consent: "Admin consent",
  userAdministrator: "User Administrator role",
  privilegedAuthentication: "Privileged Authentication Administrator role",
  messageTrace: "Message trace service principal",
  mailboxScope: "Service mailbox access",
};

/** How Microsoft's side is removed after Disconnect: Breachdesk cannot withdraw a consent it was given. */
export function removeConsentSteps(appName: string, appId: string | null): string[] {
  return [
    `In the Entra admin center, go to Identity → Applications → Enterprise applications and open “${appName}”.`,
    "Under Properties, choose Delete: the app's service principal, its consented permissions and its role assignments are removed with it.",
    `Or in Microsoft Graph PowerShell: Connect-MgGraph -Scopes Application.ReadWrite.All; Remove-MgServicePrincipal -ServicePrincipalId (Get-MgServicePrincipal -Filter "appId eq '${appId ?? "<application id>"}'").Id`,
    "If you created an Exchange application access scope for the service mailbox, remove it too: Remove-ManagementRoleAssignment and Remove-ManagementScope.",
  ];
}
