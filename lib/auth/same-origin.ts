// Server actions accept only requests from Breachdesk's own pages. Next checks Origin against
// Host itself, but lets a request without Origin through; this refuses it unless the browser
// says it is same-origin (Sec-Fetch-Site). Pure, so the rule is unit-tested.

export type RequestOriginInfo = {
  origin: string | null;
  secFetchSite: string | null;
  /** x-forwarded-host when a trusted proxy set it (the server drops a client's copy), else Host. */
  host: string | null;
  /** NEXTAUTH_URL, the app's public URL, when configured. */
  appUrl?: string;
};

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function isSameOriginRequest({ origin, secFetchSite, host, appUrl }: RequestOriginInfo): boolean {
  if (secFetchSite === "same-origin") return true;
  if (!origin || origin === "null") return false;
  const requestOrigin = originOf(origin);
  if (!requestOrigin) return false;
  if (requestOrigin === originOf(appUrl)) return true;
  const firstHost = host?.split(",")[0]?.trim().toLowerCase();
  return Boolean(firstHost) && new URL(requestOrigin).host === firstHost;
}
