// P9: contain 1,000 accounts of one tenant on the job queue, with the simulator enforcing Graph's
// identity-write quota (20 writes per second per app and tenant, 429 + Retry-After). Two worker
// processes (`npm run worker`, scripts/worker.ts, production timings) on one PostgreSQL.
//   floor   = 4 writes × accounts ÷ 20 per second (the fastest Graph allows)
//   target  ≤ 1.2 × floor, duplicate writes 0 (counted by the simulator)
//   measured twice: undisturbed, and with one worker killed (SIGKILL) at a third and restarted.
// Needs PostgreSQL: BENCH_DATABASE_URL (a server URL; a database of its own is created and dropped).
// Run: tsx --conditions=react-server bench/p9-campaign.ts (npm run bench does). Prints; asserts nothing.
import path from "node:path";
import pg from "pg";
import type { Viewer } from "@/lib/auth/viewer";
import { addCampaignAccounts, startCampaignContainment } from "@/lib/campaigns/service";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "@/lib/campaigns/jobs";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { postgresFactory } from "@/lib/db/adapters";
import { newPrismaClient, type Db } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";
import { openJobQueue } from "@/lib/jobs/queue";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO, type DemoTenant } from "@/simulator/demo-tenants";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { writesOf } from "@/simulator/write-count";
import { generateCompromisedUsers } from "@/simulator/scenario/build";
import { silentLogger } from "@/tests/support/job-queue";
import { startCampaignWorker, type Child } from "@/tests/support/campaign-processes";

const ACCOUNTS = Number(process.env.BENCH_P9_ACCOUNTS ?? 1_000);
const WRITES_PER_SECOND = 20;
const KEY = Buffer.alloc(32, 9).toString("base64");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const totalWrites = (sim: RunningSimulator, demo: DemoTenant) =>
  Object.values(writesOf(sim.runtime, demo.tenantId)).reduce((a, b) => a + b, 0);

async function contain(
  db: Db,
  sim: RunningSimulator,
  demo: DemoTenant,
  tenantId: string,
  engineer: Viewer,
  env: Record<string, string>,
  workers: Child[],
  kill: boolean,
) {
  const reporter = await seedUser(db, { role: "TENANT_ADMIN", tenantId });
  const writesBefore = totalWrites(sim, demo);
  const users = generateCompromisedUsers(sim.runtime.world.tenants.get(demo.tenantId)!, ACCOUNTS, 3).map((u) => u.userPrincipalName);
  const ticket = await seedTicket(db, { tenantId, reporterId: reporter.id, affectedUpn: users[0]!, status: "TRIAGED" });
  await addCampaignAccounts(db, engineer, { ticketId: ticket.id, accounts: users.join("\n"), source: "PASTE" });
  const queue = await openJobQueue({
    connection: { kind: "postgres", url: env.DATABASE_URL! },
    kinds: [containCampaignAccountJob, verifyCampaignAccountJob],
    db,
    logger: silentLogger,
    runWorkers: false,
  });
  const started = performance.now();
  await startCampaignContainment(db, engineer, { ticketId: ticket.id }, { queue });
  await queue.close();
  let killed = !kill;
  for (;;) {
    const done = await db.campaignStep.count({ where: { ticketId: ticket.id, state: { in: ["ACCEPTED", "FAILED"] } } });
    if (done === ACCOUNTS * 4) break;
    if (!killed && done >= (ACCOUNTS * 4) / 3) {
      workers[0]!.child.kill("SIGKILL");
      await workers[0]!.exited;
      workers[0] = await startCampaignWorker(env, "scripts/worker.ts");
      killed = true;
    }
    await sleep(250);
  }
  const seconds = (performance.now() - started) / 1000;
  // Then every step read back (verify-account.ts) and the ticket Contained by itself: the time to contain.
  const waitUntil = performance.now() + 120_000;
  while (
    (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).status !== "CONTAINED" &&
    performance.now() < waitUntil
  )
    await sleep(250);
  const contained = (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).status === "CONTAINED";
  const verified = await db.campaignStep.count({ where: { ticketId: ticket.id, verified: true } });
  const containedSeconds = (performance.now() - started) / 1000;
  const writes = totalWrites(sim, demo) - writesBefore;
  const failed = await db.campaignStep.count({ where: { ticketId: ticket.id, state: "FAILED" } });
  const floor = (ACCOUNTS * 4) / WRITES_PER_SECOND;
  console.log(
    `P9${kill ? " (a worker killed at a third, restarted)" : ""}: ${ACCOUNTS} accounts in ${seconds.toFixed(1)} s; quota floor ${floor.toFixed(0)} s; ${(seconds / floor).toFixed(2)} × floor (target ≤ 1.2); duplicate writes ${writes - ACCOUNTS * 4} (target 0); failed steps ${failed}; ${verified} steps verified, ticket ${contained ? `Contained after ${containedSeconds.toFixed(1)} s` : "not Contained within 2 min after the writes"}`,
  );
}

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  // The bench's own service calls write audit events: demo keys, as the simulator's tenants are demo data.
  process.env.BREACHDESK_DEMO ??= "1";
  if (!server) return console.log("P9: skipped (set BENCH_DATABASE_URL to a PostgreSQL server URL; the workers need PostgreSQL)");
  const name = `bd_bench_p9_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const factory = postgresFactory(url.toString());
  await applyMigrations(factory);
  const db = newPrismaClient(factory);
  const sim = await startSimulator({ port: 0, certDir: path.join("data", "simulator"), quotas: true });
  const env = {
    DATABASE_URL: url.toString(),
    BREACHDESK_DEMO: "1",
    BREACHDESK_ENCRYPTION_KEY: KEY,
    GRAPH_SIMULATOR_URL: sim.url,
    LOG_LEVEL: "info",
  };
  const workers: Child[] = [];
  try {
    workers.push(await startCampaignWorker(env, "scripts/worker.ts"), await startCampaignWorker(env, "scripts/worker.ts"));
    const e = await seedUser(db, { role: "ENGINEER" });
    const engineer: Viewer = { id: e.id, email: e.email, name: e.name, role: e.role, tenantId: null, servesAllTenants: true };
    // One tenant, two campaigns of fresh accounts: undisturbed, then with a worker killed.
    const tenant = await seedTenant(db, {
      entraTenantId: CONTOSO.tenantId,
      primaryDomain: CONTOSO.primaryDomain,
      clientId: CONTOSO.clientId,
      clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, KEY),
    });
    await contain(db, sim, CONTOSO, tenant.id, engineer, env, workers, false);
    await contain(db, sim, CONTOSO, tenant.id, engineer, env, workers, true);
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await Promise.all(workers.map((w) => w.exited));
    await sim.stop();
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
