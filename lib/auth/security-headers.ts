// Response security headers set per request by proxy.ts (the static ones are in next.config.js).
//
// script-src: a fresh nonce per request; Next reads it from the request's CSP header and puts it
// on its own scripts, and 'strict-dynamic' lets those load the rest. Every page is dynamically
// rendered, as nonces require.
// style-src keeps 'unsafe-inline': server-rendered style attributes (e.g. the dashboard's bars)
// cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off. Styles cannot
// run code, so this is the accepted trade-off.

export const HSTS = "max-age=31536000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, isDev, isHttps }: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React needs eval in development only (readable server error stacks).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Evidence downloads: a sandboxed document with no resources, should a browser ever render one. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";
const DOWNLOAD_PATH = /^\/api\/attachments\//;

/** The policy for a response to this path: downloads are sandboxed, everything else gets the page policy. */
export function contentSecurityPolicyFor(pathname: string, options: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  return DOWNLOAD_PATH.test(pathname) ? DOWNLOAD_CSP : contentSecurityPolicy(options);
}
