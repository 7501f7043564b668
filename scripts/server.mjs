// The production server (`npm start`): Next's documented custom server, so the client IP used to
// throttle sign-ins comes from the TCP socket, not from a header a client can forge. `next start`
// only fills in x-forwarded-for when it is absent, so a client could send its own.
//   PORT (3000), TRUSTED_PROXY_HOPS (0): how many reverse proxies in front of the app append to
//   X-Forwarded-For. With 0, every x-forwarded-* header a client sends is dropped.
//   LISTEN_HOST: the address to listen on. Demo mode (BREACHDESK_DEMO=1) listens on 127.0.0.1
//   unless it is set (its sign-ins are public); otherwise every interface, as `next start` does.
// Plain JavaScript on purpose: `node scripts/server.mjs` starts fast and is one killable process.
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Read by lib/auth/client-ip.ts; any copy sent by a client is replaced. */
export const CLIENT_IP_HEADER = "x-breachdesk-client-ip";
/** Set on globalThis so lib/auth trusts CLIENT_IP_HEADER only behind this server (not `next dev`/`next start`). */
export const SERVER_MARKER = Symbol.for("breachdesk.client-ip-header");

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/** Where to listen: LISTEN_HOST when set; loopback only in demo mode; else every interface (undefined). */
export function listenHostFor(env) {
  const host = env.LISTEN_HOST?.trim();
  if (host) return host;
  return ["1", "true"].includes(env.BREACHDESK_DEMO ?? "") ? "127.0.0.1" : undefined;
}

/** Parses TRUSTED_PROXY_HOPS: a whole number 0–10, default 0. Throws on anything else. */
export function parseTrustedProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}").`);
  }
  return Number(value);
}

function normalizeIp(ip) {
  const trimmed = ip.trim().replace(/^\[|\]$/g, "");
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; otherwise the entry the
 * outermost trusted proxy appended to X-Forwarded-For, counting from the right. Entries further
 * left were written by the client and are never used, unless the chain is shorter than the
 * configured hops (then the leftmost, i.e. the best we have).
 */
export function clientIpFrom(socketAddress, forwardedFor, hops) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const forwarded =
    hops > 0
      ? header
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, socketAddress ?? ""].map(normalizeIp);
  const ip = chain[Math.max(0, chain.length - 1 - hops)];
  return ip || "unknown";
}

/** Rewrites the incoming headers in place: drops untrusted forwarding headers and sets CLIENT_IP_HEADER. */
export function applyClientIp(headers, socketAddress, hops) {
  const ip = clientIpFrom(socketAddress, headers["x-forwarded-for"], hops);
  if (hops === 0) for (const name of FORWARDED_HEADERS) delete headers[name];
  headers[CLIENT_IP_HEADER] = ip;
  return ip;
}

async function main() {
  process.env.NODE_ENV = "production";
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const port = Number(process.env.PORT || 3000);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, port });
  const handle = app.getRequestHandler();
  await app.prepare(); // loads .env and next.config.js, runs instrumentation (env validation)
  const hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  globalThis[SERVER_MARKER] = true;
  let warnedAboutProxy = false;
  let stopping = false;
  const server = http.createServer((req, res) => {
    if (stopping) {
      // Shutting down: a request arriving on a kept-alive connection is not started.
      res.writeHead(503, { "Content-Type": "text/plain", Connection: "close", "Retry-After": "10" });
      res.end("Breachdesk is restarting; try again in a moment.");
      return;
    }
    if (hops === 0 && !warnedAboutProxy && req.headers["x-forwarded-for"]) {
      // A proxy in front that nobody told us about: every client would share its IP's sign-in limit.
      warnedAboutProxy = true;
      console.warn(
        "X-Forwarded-For received but TRUSTED_PROXY_HOPS=0: set it to the number of reverse proxies in front of the app, or every client shares one sign-in limit.",
      );
    }
    applyClientIp(req.headers, req.socket.remoteAddress, hops);
    handle(req, res);
  });
  const host = listenHostFor(process.env);
  server.listen(port, host, () => {
    console.log(
      `Breachdesk listening on http://${host ?? "localhost"}:${port}${host ? "" : " (every interface)"} (trusted proxy hops: ${hops})`,
    );
  });
  // On a signal: stop taking requests (new connections are refused, requests on kept-alive ones
  // answer 503), let running remediation finish and record what could not (bounded,
  // lib/remediation/in-flight.ts), let the in-process job workers finish (bounded by
  // JOBS_SHUTDOWN_SECONDS, lib/jobs/server-start.ts), then exit (the embedded database's lock is
  // released on exit). A second signal exits at once.
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    server.closeIdleConnections();
    try {
      await Promise.allSettled([
        globalThis[Symbol.for("breachdesk.shutdown.remediation")]?.(),
        globalThis[Symbol.for("breachdesk.shutdown")]?.(),
      ]);
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
