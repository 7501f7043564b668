import { isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { credentialError } from "./errors";
import { MESSAGE_TRACE_APP_ID } from "./operations";
import { callGraph, listAll, odataQuote } from "./request";

// What admin consent cannot grant, read back from the tenant app-only, item by item: done,
// missing, or unknown ("cannot tell", with why). Consent grants application permissions only
// (learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent); a password reset also
// needs a directory role on the app's service principal (graph-api: user-update, "who can reset
// passwords"); message trace needs Microsoft's message-trace service principal in the tenant;
// sending from the service mailbox needs an Exchange application access scope, which no Graph
// API shows and only sending would test: so it is "cannot tell" unless the token grants Mail.Send
// tenant-wide or Breachdesk has already sent from it since consent.

export const ROLE_TEMPLATES = {
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  privilegedAuthenticationAdministrator: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
} as const;

export type ChecklistKey = "consent" | "userAdministrator" | "privilegedAuthentication" | "messageTrace" | "mailboxScope";
export type ChecklistState = "done" | "missing" | "unknown";
export type ChecklistItem = { key: ChecklistKey; state: ChecklistState; required: boolean; detail: string };

export type ChecklistInput = {
  appClientId: string;
  /** Breachdesk's app: the permissions consent must have granted. null = the tenant's own app (not compared). */
  requiredPermissions: string[] | null;
  serviceMailbox: string | null;
  /** The last advisory sent through Graph since consent, if any: proof that sending works. */
  lastAdvisorySentAt: Date | null;
};

export type ChecklistResult = { connected: boolean; error: string | null; servicePrincipalId: string | null; items: ChecklistItem[] };

const SCOPE = "https://graph.microsoft.com/.default";
const NOT_CONSENTED = new Set(["AADSTS7000229", "AADSTS700016", "AADSTS650051", "AADSTS65001", "AADSTS500011"]);

async function tokenRoles(g: TenantGraph): Promise<string[]> {
  const token = await g.credential.getToken(SCOPE);
  const payload = token?.token.split(".")[1];
  return payload ? ((JSON.parse(Buffer.from(payload, "base64url").toString()) as { roles?: string[] }).roles ?? []) : [];
}

const reason = (error: unknown) => (isAppError(error) ? error.message : "Microsoft Graph could not be read");

function mailboxItem(input: ChecklistInput, roles: string[]): ChecklistItem {
  const item = (state: ChecklistState, detail: string): ChecklistItem => ({ key: "mailboxScope", state, required: false, detail });
  if (!input.serviceMailbox)
    return item("missing", "No service mailbox is set: advisories are copied and sent by hand. Set one to send them from Breachdesk.");
  if (roles.includes("Mail.Send"))
    return item(
      "done",
      `Mail.Send is granted for the whole tenant, so ${input.serviceMailbox} can send; an Exchange application access scope would limit the app to that mailbox.`,
    );
  if (input.lastAdvisorySentAt)
    return item(
      "done",
      `Confirmed: an advisory was sent from ${input.serviceMailbox} on ${input.lastAdvisorySentAt.toISOString().slice(0, 10)}.`,
    );
  return item(
    "unknown",
    `Cannot tell: no Graph API shows an Exchange application access scope, and the only test would send mail. The first advisory sent from ${input.serviceMailbox} confirms it; your admin can check now with Test-ServicePrincipalAuthorization.`,
  );
}

async function rolesOf(g: TenantGraph, principalId: string): Promise<string[]> {
  const { items } = await listAll<{ roleDefinitionId: string }>(g, {
    op: "listRoleAssignments",
    path: `/roleManagement/directory/roleAssignments?$filter=principalId eq ${odataQuote(principalId)}`,
  });
  return items.map((a) => a.roleDefinitionId.toLowerCase());
}

async function messageTraceItem(g: TenantGraph): Promise<ChecklistItem> {
  const item = (state: ChecklistState, detail: string): ChecklistItem => ({ key: "messageTrace", state, required: true, detail });
  try {
    await callGraph(g, {
      op: "getAppPrincipal",
      method: "GET",
      path: `/servicePrincipals(appId=${odataQuote(MESSAGE_TRACE_APP_ID)})?$select=id`,
    });
    return item("done", "The message trace API's service principal exists.");
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return item(
        "missing",
        `The tenant has no service principal for Microsoft's message trace app (${MESSAGE_TRACE_APP_ID}): message traces are refused until it is created.`,
      );
    return item("unknown", `Cannot tell: ${reason(error)}`);
  }
}

export async function readConnectionChecklist(g: TenantGraph, input: ChecklistInput): Promise<ChecklistResult> {
  let roles: string[];
  try {
    roles = await tokenRoles(g);
  } catch (error) {
    const refused = isAppError(error) ? error : credentialError(error);
    const code = String(refused?.details?.graphCode ?? "");
    const message = refused?.message ?? "Could not get a token for the tenant.";
    const notConsented = NOT_CONSENTED.has(code);
    const unknown = (key: ChecklistKey, required: boolean): ChecklistItem => ({
      key,
      state: "unknown",
      required,
      detail: "Cannot tell until Breachdesk can sign in to the tenant.",
    });
    return {
      connected: false,
      error: message,
      servicePrincipalId: null,
      items: [
        { key: "consent", state: notConsented ? "missing" : "unknown", required: true, detail: message },
        unknown("userAdministrator", true),
        unknown("privilegedAuthentication", false),
        unknown("messageTrace", true),
        unknown("mailboxScope", false),
      ],
    };
  }
  const missingPermissions = (input.requiredPermissions ?? []).filter((p) => !roles.includes(p));
  const consent: ChecklistItem = missingPermissions.length
    ? {
        key: "consent",
        state: "missing",
        required: true,
        detail: `Consent lacks ${missingPermissions.join(", ")}: connect again so an admin grants what the app now asks for.`,
      }
    : { key: "consent", state: "done", required: true, detail: `Granted: ${roles.length} application permissions.` };

  let servicePrincipalId: string | null = null;
  let roleItems: ChecklistItem[];
  try {
    const sp = await callGraph<{ id: string }>(g, {
      op: "getAppPrincipal",
      method: "GET",
      path: `/servicePrincipals(appId=${odataQuote(input.appClientId)})?$select=id`,
    });
    servicePrincipalId = sp.body.id;
    const held = await rolesOf(g, servicePrincipalId);
    const has = (...ids: string[]) => ids.some((id) => held.includes(id));
    const { userAdministrator: ua, privilegedAuthenticationAdministrator: paa, globalAdministrator: ga } = ROLE_TEMPLATES;
    roleItems = [
      has(ua, paa, ga)
        ? {
            key: "userAdministrator",
            state: "done",
            required: true,
            detail: "The app's service principal holds a role that resets passwords.",
          }
        : {
            key: "userAdministrator",
            state: "missing",
            required: true,
            detail: "The app's service principal holds no User Administrator role: password resets are refused.",
          },
      has(paa, ga)
        ? { key: "privilegedAuthentication", state: "done", required: false, detail: "The app can also reset administrators' passwords." }
        : {
            key: "privilegedAuthentication",
            state: "missing",
            required: false,
            detail: "Only needed to reset the passwords of administrators (privileged accounts).",
          },
    ];
  } catch (error) {
    const why = `Cannot tell: ${reason(error)}`;
    roleItems = [
      { key: "userAdministrator", state: "unknown", required: true, detail: why },
      { key: "privilegedAuthentication", state: "unknown", required: false, detail: why },
    ];
  }
  return {
    connected: true,
    error: null,
    servicePrincipalId,
    items: [consent, ...roleItems, await messageTraceItem(g), mailboxItem(input, roles)],
  };
}

/** Every required item is done. */
export const isReady = (items: ChecklistItem[]) => items.every((i) => !i.required || i.state === "done");
