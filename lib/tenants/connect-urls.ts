// Where Breachdesk sends a tenant admin at Microsoft, and where Microsoft sends them back.
// - Admin consent: GET {authority}/{tenant|organizations}/v2.0/adminconsent?client_id&scope=https://graph.microsoft.com/.default&redirect_uri&state
//   (learn.microsoft.com/entra/identity-platform/v2-admin-consent).
// - Delegated sign-in: GET {authority}/{tenant}/oauth2/v2.0/authorize with response_type=code and
//   PKCE S256 (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
// Redirect URIs are exact (learn.microsoft.com/entra/identity-platform/reply-url) and built from
// NEXTAUTH_URL, so they match the ones registered on the app.

export const MICROSOFT_AUTHORITY = "https://login.microsoftonline.com";
export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

export type RedirectUris = { consent: string; setup: string; signIn: string };

/** The app's redirect URIs, to register on the app registration (README) and to send. */
export function redirectUris(appUrl: string): RedirectUris {
  const at = (path: string) => new URL(path, appUrl).toString();
  return { consent: at("/api/connect/consent"), setup: at("/api/connect/setup"), signIn: at("/api/auth/callback/azure-ad") };
}

/** Microsoft's sign-in for a tenant: the tenant simulator's for a simulated tenant. */
export function authorityFor(connectionKind: "SIMULATED" | "ENTRA", simulatorUrl: string): string {
  return connectionKind === "SIMULATED" ? simulatorUrl.replace(/\/$/, "") : MICROSOFT_AUTHORITY;
}

export function adminConsentUrl(p: {
  authority: string;
  entraTenantId: string | null;
  clientId: string;
  redirectUri: string;
  state: string;
}): string {
  // A tenant already bound is asked by its id, so the consent lands in that tenant; else any work or school tenant.
  const url = new URL(`${p.authority}/${p.entraTenantId ?? "organizations"}/v2.0/adminconsent`);
  url.search = new URLSearchParams({
    client_id: p.clientId,
    scope: GRAPH_DEFAULT_SCOPE,
    redirect_uri: p.redirectUri,
    state: p.state,
  }).toString();
  return url.toString();
}

export function authorizeUrl(p: {
  authority: string;
  entraTenantId: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string;
}): string {
  const url = new URL(`${p.authority}/${p.entraTenantId}/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: p.clientId,
    response_type: "code",
    response_mode: "query",
    redirect_uri: p.redirectUri,
    scope: p.scopes.join(" "),
    state: p.state,
    code_challenge: p.codeChallenge,
    code_challenge_method: "S256",
    prompt: "select_account",
  }).toString();
  return url.toString();
}

/** Delegated Graph scopes, least privilege: only what the missing items need. */
export function setupScopes(need: { roles: boolean; servicePrincipal: boolean }): string[] {
  return [
    "openid",
    "profile",
    ...(need.roles ? ["https://graph.microsoft.com/RoleManagement.ReadWrite.Directory"] : []),
    ...(need.servicePrincipal ? ["https://graph.microsoft.com/Application.ReadWrite.All"] : []),
  ];
}

/** Microsoft's error from a callback, trimmed to what a page may show: printable text, at most 400 characters. */
export function microsoftError(params: URLSearchParams): { code: string; description: string } | null {
  const error = params.get("error");
  if (!error) return null;
  const clean = (v: string | null, max: number) =>
    (v ?? "")
      .replace(/[^\x20-\x7E]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, max);
  return { code: clean(error, 60) || "error", description: clean(params.get("error_description"), 400) };
}
