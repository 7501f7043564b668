// The simulated Microsoft sign-in and consent page: one form (account, password, what the app
// asks for, Accept or Cancel) posted back to the endpoint that showed it, with the original
// request carried in a hidden field. Plain HTML, labelled for people and for Playwright.

export type HtmlResponse = { status: number; html: string } | { status: 302; location: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type SignInPage = {
  title: string;
  appName: string;
  /** What accepting grants, one line each. */
  asks: string[];
  /** The original request's query string, posted back unchanged. */
  request: string;
  error?: string;
  /** Demo accounts of the simulated directories (a simulator convenience, not Entra's). */
  hint?: string;
  username?: string;
};

export function signInPage(p: SignInPage, status = 200): HtmlResponse {
  const asks = p.asks.map((a) => `<li>${escapeHtml(a)}</li>`).join("");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}label{display:block;margin-top:.75rem}input{width:100%;padding:.4rem;font:inherit}
button{margin:1rem .5rem 0 0;padding:.45rem 1.2rem;font:inherit}.error{border:1px solid #c00;background:#fff0f0;padding:.5rem}.hint{color:#555;font-size:13px}</style></head>
<body><main>
<p class="hint">Tenant simulator — standing in for Microsoft's sign-in page.</p>
<h1>${escapeHtml(p.title)}</h1>
<p><strong>${escapeHtml(p.appName)}</strong> asks to:</p>
<ul>${asks}</ul>
${p.error ? `<p class="error" role="alert">${escapeHtml(p.error)}</p>` : ""}
<form method="post" aria-label="Sign in">
<input type="hidden" name="request" value="${escapeHtml(p.request)}">
<label for="username">Email</label><input id="username" name="username" type="email" autocomplete="username" value="${escapeHtml(p.username ?? "")}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" name="decision" value="accept">Accept</button><button type="submit" name="decision" value="cancel">Cancel</button>
</form>
${p.hint ? `<p class="hint">${escapeHtml(p.hint)}</p>` : ""}
</main></body></html>`;
  return { status, html };
}

export function errorPage(title: string, message: string, status = 400): HtmlResponse {
  return {
    status,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`,
  };
}

/** A redirect to the client's redirect URI with the given parameters added to its query. */
export function redirectTo(redirectUri: string, params: Record<string, string | null | undefined>): HtmlResponse {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) url.searchParams.set(k, v);
  return { status: 302, location: url.toString() };
}
