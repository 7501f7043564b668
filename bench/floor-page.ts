// Issue 17's figures, each a ratio measured in one run or a count (absolute times on a shared
// machine drift by a third between runs):
//   P11 the queue's throughput as a fraction of a bare Next.js page's (bench/floor: same 50 rows,
//       same database, no auth library, no Prisma), measured alternately      target ≥ 0.8
//   P12 SQL statements per request: the queue, the ticket page on each stage, and of those the
//       session check's                                                       target ticket ≤ 10, session ≤ 1
//   P13 bytes of the queue document (HTML with its inline flight data) and of its flight data
//       alone (a client navigation), beside the floor's                        target ≤ 100 KB
//   P3″ the ticket page at a fixed rate: 20 req/s on PostgreSQL, 10 on PGlite   target p95 ≤ 120 ms, no overload
// PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set. Prints figures; asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { TICKET_STAGES } from "@/lib/workflow/stages";
import { signInCookie, startAppServer } from "./support/app-server";
import { BENCH_KEY, prepareBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { runFixedRate, runLoad, type LoadResult } from "./support/load";
import { queryCounter, type QueryCount } from "./support/query-count";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 50_000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONNECTIONS = 10; // enough to keep one Node process busy
const APP_PORT = 3720;
const FLOOR_PORT = 3722;
const FLOOR_DIR = path.join("bench", "floor");
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function ensureBuilds() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))
    execFileSync(NEXT_BIN, ["build"], { stdio: "inherit", env });
  if (!fs.existsSync(path.join(FLOOR_DIR, ".next", "BUILD_ID"))) execFileSync(NEXT_BIN, ["build", FLOOR_DIR], { stdio: "inherit", env });
}

/** The floor reads the same rows: the same PostgreSQL database, or a copy of the embedded one (PGlite is one process's). */
function floorEnv(db: BenchDatabase): Record<string, string> {
  if (db.target.kind === "postgres") return { FLOOR_DATABASE_URL: db.target.url };
  const copy = path.join("data", "bench", "floor-pglite");
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(db.target.dataDir, copy, { recursive: true, filter: (src) => !src.endsWith(".lock") });
  return { FLOOR_PGLITE_DIR: copy };
}

/** Bytes of the queue's document, of the flight data inlined in it, and of a client navigation's flight data. */
async function pageBytes(url: string, cookie: string) {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const inline = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const flight = await (await fetch(url, { headers: { cookie, RSC: "1" } })).text();
  return { document: Buffer.byteLength(html), inline, flight: Buffer.byteLength(flight) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const row = (id: string, what: string, value: string, target: string) =>
  console.log(`${id.padEnd(4)} ${what.padEnd(70)} ${value.padStart(10)}   target ${target}`);

async function measure(serverUrl: string | undefined) {
  const db = await prepareBenchDatabase(serverUrl, TICKETS);
  const kind = db.target.kind === "postgres" ? "PostgreSQL" : "PGlite";
  const appEnv = {
    ...db.env,
    BREACHDESK_DEMO: "1",
    BREACHDESK_ENCRYPTION_KEY: BENCH_KEY,
    AUDIT_CHAIN_KEY: BENCH_KEY,
    NEXTAUTH_URL: `http://localhost:${APP_PORT}`,
    LOG_LEVEL: "warn",
  };
  const floor = await startAppServer(FLOOR_PORT, floorEnv(db), {
    script: [NEXT_BIN, "start", FLOOR_DIR, "-p", String(FLOOR_PORT)],
    readyPath: "/",
  });
  let app = await startAppServer(APP_PORT, appEnv);
  const ticketPage = `${app.url}/tickets/${db.ticketId}`;
  try {
    const cookie = await signInCookie(app.url, "engineer@breachdesk.example", DEMO_PASSWORD);
    const queue = { url: `${app.url}/tickets`, headers: { cookie } };
    const bare = { url: `${floor.url}/` };
    await runLoad({ ...queue, connections: 5, durationMs: 2_000 }); // warm up both
    await runLoad({ ...bare, connections: 5, durationMs: 2_000 });
    // Alternate, so that a drift of the machine's speed during the run falls on both alike.
    const rounds: { floor: LoadResult; app: LoadResult }[] = [];
    for (let i = 0; i < 2; i++) {
      rounds.push({
        floor: await runLoad({ ...bare, connections: CONNECTIONS, durationMs: DURATION_MS }),
        app: await runLoad({ ...queue, connections: CONNECTIONS, durationMs: DURATION_MS }),
      });
    }
    const rps = (k: "floor" | "app") => rounds.reduce((n, r) => n + r[k].rps, 0) / rounds.length;
    const errors = rounds.reduce((n, r) => n + r.app.errors + r.floor.errors, 0);
    const bytes = await pageBytes(queue.url, cookie);
    const floorBytes = await pageBytes(bare.url, "");
    const rate = kind === "PostgreSQL" ? 20 : 10;
    const fixed = await runFixedRate({ url: ticketPage, headers: { cookie }, ratePerSecond: rate, durationMs: DURATION_MS });
    app.stop();

    // Query counts: the same server again, printing its SQL, one request at a time.
    const counter = queryCounter();
    app = await startAppServer(APP_PORT, { ...appEnv, DB_QUERY_LOG: "1" }, { onStdout: counter.onStdout });
    const logged = await signInCookie(app.url, "engineer@breachdesk.example", DEMO_PASSWORD);
    const queueCount = await counter.count(`${app.url}/tickets`, { cookie: logged });
    const stages: ({ stage: string } & QueryCount)[] = [];
    for (const stage of TICKET_STAGES)
      stages.push({ stage: stage.id, ...(await counter.count(`${ticketPage}?stage=${stage.id}`, { cookie: logged })) });
    const worst = stages.reduce((a, b) => (b.total > a.total ? b : a));

    console.log(`\n${kind}: ${TICKETS} tickets, ${CONNECTIONS} clients, ${rounds.length} × ${DURATION_MS / 1000} s each side`);
    row(
      "P11",
      `queue ${rps("app").toFixed(1)} req/s ÷ bare page ${rps("floor").toFixed(1)} req/s (${errors} errors)`,
      rps("app") / rps("floor") > 0 ? (rps("app") / rps("floor")).toFixed(2) : "—",
      "≥ 0.8",
    );
    row("P12", `queries: /tickets (session check ${queueCount.session})`, String(queueCount.total), "—, session ≤ 1");
    row(
      "P12",
      `queries: ticket page, most on "${worst.stage}" (${stages.map((s) => `${s.stage} ${s.total}`).join(", ")})`,
      String(worst.total),
      "≤ 10",
    );
    row(
      "P13",
      `/tickets document (inline flight ${kb(bytes.inline)}; bare page ${kb(floorBytes.document)})`,
      kb(bytes.document),
      "≤ 100 KB",
    );
    row("P13", `/tickets flight data of a client navigation (bare page ${kb(floorBytes.flight)})`, kb(bytes.flight), "—");
    row(
      "P3″",
      `ticket page p95 at a fixed ${rate} req/s (p50 ${fixed.p50.toFixed(0)} ms, ${fixed.errors} errors)`,
      `${fixed.p95.toFixed(0)} ms`,
      "≤ 120 ms",
    );
  } finally {
    app.stop();
    floor.stop();
  }
}

async function main() {
  ensureBuilds();
  process.env.AUDIT_CHAIN_KEY ??= BENCH_KEY; // the seeded events and the server's verification share one chain key
  await measure(undefined);
  if (process.env.BENCH_DATABASE_URL) await measure(process.env.BENCH_DATABASE_URL);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
