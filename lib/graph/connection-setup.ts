import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { MESSAGE_TRACE_APP_ID } from "./operations";
import { callGraph, listAll, odataQuote } from "./request";

// "Set this up for me": with the tenant admin's delegated token (least-privilege scopes, asked
// for only what is missing), the documented Graph calls that consent cannot make:
// - POST /roleManagement/directory/roleAssignments {principalId, roleDefinitionId, directoryScopeId: "/"}
//   (learn.microsoft.com/graph/api/rbacapplication-post-roleassignments; RoleManagement.ReadWrite.Directory,
//   and the admin must be a Privileged Role Administrator);
// - POST /servicePrincipals {appId} for Microsoft's message trace app (serviceprincipal-post-serviceprincipals;
//   Application.ReadWrite.All, and the admin must be an Application or Cloud Application Administrator).
// Each step is confirmed by reading it back, so a retry after a lost answer, or a role someone
// assigned meanwhile, counts as done rather than as a failure.

export type SetupStepKey = "userAdministrator" | "privilegedAuthentication" | "messageTrace";
export type SetupStep = { key: SetupStepKey; ok: boolean; message: string; requestId: string | null };
export type SetupPlan = {
  servicePrincipalId: string;
  roles: { key: SetupStepKey; templateId: string; name: string }[];
  createMessageTrace: boolean;
};

const ADMIN_ROLE_FOR: Record<SetupStepKey, string> = {
  userAdministrator: "Privileged Role Administrator (or Global Administrator)",
  privilegedAuthentication: "Privileged Role Administrator (or Global Administrator)",
  messageTrace: "Application Administrator or Cloud Application Administrator (or Global Administrator)",
};

function failure(key: SetupStepKey, error: unknown): SetupStep {
  const status = isAppError(error) ? error.details?.graphStatus : undefined;
  const requestId = isAppError(error) ? ((error.details?.requestId as string | null | undefined) ?? null) : null;
  const message =
    status === 403
      ? `Microsoft Graph refused: the account you signed in with needs the ${ADMIN_ROLE_FOR[key]} role for this.`
      : isAppError(error)
        ? error.message
        : "Microsoft Graph could not be reached.";
  return { key, ok: false, message, requestId };
}

async function holdsRole(g: TenantGraph, principalId: string, templateId: string): Promise<boolean> {
  const { items } = await listAll<{ roleDefinitionId: string }>(g, {
    op: "listRoleAssignments",
    path: `/roleManagement/directory/roleAssignments?$filter=principalId eq ${odataQuote(principalId)}`,
  });
  return items.some((a) => a.roleDefinitionId.toLowerCase() === templateId);
}

async function assignRole(g: TenantGraph, principalId: string, role: SetupPlan["roles"][number]): Promise<SetupStep> {
  try {
    const res = await callGraph(g, {
      op: "assignDirectoryRole",
      method: "POST",
      path: "/roleManagement/directory/roleAssignments",
      body: {
        "@odata.type": "#microsoft.graph.unifiedRoleAssignment",
        principalId,
        roleDefinitionId: role.templateId,
        directoryScopeId: "/",
      },
    });
    return { key: role.key, ok: true, message: `Assigned ${role.name} to Breachdesk's app.`, requestId: res.requestId };
  } catch (error) {
    if (await holdsRole(g, principalId, role.templateId).catch(() => false))
      return { key: role.key, ok: true, message: `Breachdesk's app already holds ${role.name}.`, requestId: null };
    return failure(role.key, error);
  }
}

async function createMessageTracePrincipal(g: TenantGraph): Promise<SetupStep> {
  try {
    const res = await callGraph(g, {
      op: "createServicePrincipal",
      method: "POST",
      path: "/servicePrincipals",
      body: { appId: MESSAGE_TRACE_APP_ID },
    });
    return { key: "messageTrace", ok: true, message: "Created the message trace API's service principal.", requestId: res.requestId };
  } catch (error) {
    const exists = await callGraph(g, {
      op: "getAppPrincipal",
      method: "GET",
      path: `/servicePrincipals(appId=${odataQuote(MESSAGE_TRACE_APP_ID)})?$select=id`,
    }).then(
      () => true,
      () => false,
    );
    return exists
      ? { key: "messageTrace", ok: true, message: "The message trace API's service principal already exists.", requestId: null }
      : failure("messageTrace", error);
  }
}

export async function runConnectionSetup(g: TenantGraph, plan: SetupPlan): Promise<SetupStep[]> {
  const steps: SetupStep[] = [];
  for (const role of plan.roles) steps.push(await assignRole(g, plan.servicePrincipalId, role));
  if (plan.createMessageTrace) steps.push(await createMessageTracePrincipal(g));
  return steps;
}
