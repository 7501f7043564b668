// Benchmarks P1–P4 and P7 of docs/design-basis.md (Performance targets) against the production build:
//   P1  /tickets, 50 rows, a tenant with 50k tickets, 50 concurrent clients   target p95 ≤ 150 ms
//   P2  ticket search end to end, same load                                    target p95 ≤ 250 ms
//   P1' the same page at a fixed 20 req/s (open loop: latency as users at that rate see it)
//   P3  ticket detail with its timeline (200 events)                            target p95 ≤ 120 ms
//   P4  server actions over HTTP: add a comment; a stale intake edit (409 path)  target p95 ≤ 200 / 100 ms
//   P7  JavaScript shipped on first load of /tickets                           target ≤ 200 KB gzip
// Embedded PGlite by default; BENCH_DATABASE_URL=postgresql://… uses a PostgreSQL server (a
// database "breachdesk_bench" is recreated there: bench/support/bench-database.ts). Prints figures; asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { startAppServer, signInCookie } from "./support/app-server";
import { BENCH_KEY, prepareBenchDatabase } from "./support/bench-database";
import { runFixedRate, runLoad } from "./support/load";
import { actionHeaders, serverActionId } from "./support/ticket-work";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 50_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const PORT = 3700;
// The open-loop rate: 50 engineers each refreshing the queue every 2.5 s.
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 20);
const KEY = BENCH_KEY;

async function firstLoadJsKb(baseUrl: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${baseUrl}/tickets`, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of new Set(scripts)) total += gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())).length;
  return total / 1024;
}

async function main() {
  // NEXT_DIST_DIR lets a benchmark use its own build beside the one the tests use.
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))
    execFileSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  process.env.AUDIT_CHAIN_KEY ??= KEY; // the seeded events and the server's verification share one chain key
  const { env, ticketId } = await prepareBenchDatabase(process.env.BENCH_DATABASE_URL, TICKETS);
  const server = await startAppServer(PORT, {
    ...env,
    BREACHDESK_DEMO: "1",
    BREACHDESK_ENCRYPTION_KEY: KEY,
    AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY,
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    LOG_LEVEL: "warn",
  });
  try {
    const cookie = await signInCookie(server.url, "engineer@breachdesk.example", DEMO_PASSWORD);
    const headers = { cookie };
    await runLoad({ url: `${server.url}/tickets`, headers, connections: 5, durationMs: 2_000 }); // warm up
    const p1 = await runLoad({ url: `${server.url}/tickets`, headers, connections: CONNECTIONS, durationMs: DURATION_MS });
    const terms = ["invoice", "user4242@contoso", "INC-20000", "fraud", "user1"];
    let i = 0;
    const p2 = await runLoad({
      url: () => `${server.url}/tickets?q=${encodeURIComponent(terms[i++ % terms.length]!)}`,
      headers,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
    });
    const p1Fixed = await runFixedRate({ url: `${server.url}/tickets`, headers, ratePerSecond: FIXED_RATE, durationMs: DURATION_MS });
    const detail = `${server.url}/tickets/${ticketId}?stage=timeline`;
    const p3 = await runLoad({ url: detail, headers, connections: 10, durationMs: DURATION_MS });
    const p3Fixed = await runFixedRate({ url: detail, headers, ratePerSecond: FIXED_RATE, durationMs: DURATION_MS });
    const page = `${server.url}/tickets/${ticketId}`;
    const ok = (status: number, text: string) => status === 200 && !text.includes("serverError") && !text.includes("validationErrors");
    const p4 = await runFixedRate({
      url: page,
      headers: actionHeaders(server.url, cookie, serverActionId("lib/comments/actions.ts", "addCommentAction")),
      check: ok,
      body: JSON.stringify([{ ticketId, body: "Checked the sign-in logs again.", visibility: "INTERNAL" }]),
      ratePerSecond: 10,
      durationMs: DURATION_MS,
    });
    const p4Conflict = await runFixedRate({
      url: page,
      headers: actionHeaders(server.url, cookie, serverActionId("lib/tickets/actions.ts", "updateIntakeAction")),
      check: (status, text) => status === 200 && text.includes("Someone else saved this ticket"),
      body: JSON.stringify([
        { ticketId, version: 1, title: "Stale edit", symptoms: [], symptomsNote: "", detectedAt: "2026-11-30T08:00:00.000Z" },
      ]),
      ratePerSecond: 10,
      durationMs: DURATION_MS,
    });
    const js = await firstLoadJsKb(server.url, cookie);
    const row = (id: string, what: string, value: string, target: string) =>
      console.log(`${id.padEnd(4)} ${what.padEnd(44)} ${value.padStart(12)}   target ${target}`);
    console.log(`\n${TICKETS} tickets, ${CONNECTIONS} concurrent clients, ${DURATION_MS / 1000} s each`);
    row(
      "P1",
      `/tickets p95 (p50 ${p1.p50.toFixed(0)} ms, ${p1.rps.toFixed(0)} req/s, ${p1.errors} errors)`,
      `${p1.p95.toFixed(0)} ms`,
      "≤ 150 ms",
    );
    row(
      "P1'",
      `/tickets p95 at a fixed ${FIXED_RATE} req/s (p50 ${p1Fixed.p50.toFixed(0)} ms, ${p1Fixed.errors} errors)`,
      `${p1Fixed.p95.toFixed(0)} ms`,
      "(open loop)",
    );
    row(
      "P2",
      `search p95 (p50 ${p2.p50.toFixed(0)} ms, ${p2.rps.toFixed(0)} req/s, ${p2.errors} errors)`,
      `${p2.p95.toFixed(0)} ms`,
      "≤ 250 ms",
    );
    row(
      "P3",
      `ticket + 200-event timeline p95, 10 clients (${p3.rps.toFixed(0)} req/s, ${p3.errors} errors)`,
      `${p3.p95.toFixed(0)} ms`,
      "≤ 120 ms",
    );
    row(
      "P3'",
      `the same at a fixed ${FIXED_RATE} req/s (p50 ${p3Fixed.p50.toFixed(0)} ms, ${p3Fixed.errors} errors)`,
      `${p3Fixed.p95.toFixed(0)} ms`,
      "≤ 120 ms",
    );
    row("P4", `add-comment action p95 at 10/s (p50 ${p4.p50.toFixed(0)} ms, ${p4.errors} errors)`, `${p4.p95.toFixed(0)} ms`, "≤ 200 ms");
    row("P4c", `stale intake edit → conflict p95 at 10/s (${p4Conflict.errors} errors)`, `${p4Conflict.p95.toFixed(0)} ms`, "≤ 100 ms");
    row("P7", "first-load JavaScript of /tickets (gzip)", `${js.toFixed(0)} KB`, "≤ 200 KB");
  } finally {
    server.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
