import type { RequestOriginInfo } from "./same-origin";

// The inputs of the same-origin decision (lib/auth/same-origin.ts) from a request's headers, for
// server actions (next/headers) and route handlers (Request.headers) alike.
export function requestOriginInfo(headers: Pick<Headers, "get">, appUrl: string | undefined): RequestOriginInfo {
  return {
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    // x-forwarded-host only reaches the app from a trusted proxy: scripts/server.mjs drops a client's copy.
    host: headers.get("x-forwarded-host") ?? headers.get("host"),
    appUrl,
  };
}
