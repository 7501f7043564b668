// Where to go after sign-in: a page of this app only. The value comes from the query string, so
// it is parsed as a URL against the app's origin and refused unless it stays on that origin.
// Backslashes, whitespace and control characters are refused outright: browsers and URL parsers
// read them differently (`/\evil.example` and `/<TAB>/evil.example` both mean another host).

export const DEFAULT_AFTER_SIGN_IN = "/tickets";

const UNSAFE = /[\\\s\p{Cc}\p{Cf}]/u;

export function safeCallbackUrl(value: string | undefined | null, appOrigin: string): string {
  if (!value || value.length > 2048 || UNSAFE.test(value)) return DEFAULT_AFTER_SIGN_IN;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(value, origin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== origin) return DEFAULT_AFTER_SIGN_IN;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
