import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Starts the production build through the production server (scripts/server.mjs) for a benchmark and signs a user in through
// next-auth's own endpoints, returning the session cookie.

export async function startAppServer(
  port: number,
  env: Record<string, string>,
  options: { onStdout?: (chunk: string) => void; script?: string[]; readyPath?: string } = {},
): Promise<{ url: string; stop: () => void; child: ChildProcess }> {
  const child = spawn(process.execPath, options.script ?? [path.join(process.cwd(), "scripts", "server.mjs")], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port) },
    stdio: ["ignore", options.onStdout ? "pipe" : "ignore", "inherit"],
  });
  if (options.onStdout) child.stdout?.setEncoding("utf8").on("data", options.onStdout);
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}${options.readyPath ?? "/login"}`)).ok) return { url, child, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error("the app server did not come up");
}

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}
