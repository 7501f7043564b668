import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { writesOf } from "@/simulator/write-count";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import { containCampaignAccountJob } from "./jobs";
import { addCampaignAccounts, startCampaignContainment } from "./service";

// Two app instances (this process and a child process, each with its own database client and
// queue, both starting the same campaign at once) and two worker processes (`npm run worker`'s
// entry point) on one PostgreSQL: 200 accounts are contained with exactly one Graph write per
// account and step — counted by the simulator, which enforces an identity-write quota — also
// when one worker is killed with SIGKILL in the middle and started again.

const ACCOUNTS = Number(process.env.CAMPAIGN_TEST_ACCOUNTS ?? 200);
const KEY = Buffer.alloc(32, 7).toString("base64");
const run = promisify(execFile);

type Child = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

function spawnTsx(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))), output: () => output };
}

describe.skipIf(!testDbKinds().includes("postgres"))("bulk containment across processes on PostgreSQL", () => {
  let t: TestDb;
  let sim: RunningSimulator;
  let queue: JobQueue;
  let engineer: Viewer;
  const workers: Child[] = [];
  let env: Record<string, string>;

  const startWorker = async () => {
    const w = spawnTsx("tests/support/campaign-worker.ts", [], env);
    workers.push(w);
    await waitFor(async () => (w.output().includes('"msg":"worker ready"') ? true : w.child.exitCode !== null ? Promise.reject(new Error(w.output())) : undefined), "a worker to start", 60_000);
    return w;
  };

  beforeAll(async () => {
    t = await createTestDb("postgres");
    // Graph's quota shape (writes per app and tenant per second, 429 + Retry-After), scaled up so the test is quick.
    sim = await startTestSimulator({ quotas: { identityWrites: { limit: 100, windowMs: 1_000, sendsRetryAfter: true } }, compromisedUsers: { count: ACCOUNTS } });
    env = { DATABASE_URL: t.url!, BREACHDESK_DEMO: "1", BREACHDESK_ENCRYPTION_KEY: KEY, GRAPH_SIMULATOR_URL: sim.url, GRAPH_IDENTITY_WRITES_PER_SECOND: "100", LOG_LEVEL: "info", JOBS_SHUTDOWN_SECONDS: "2" };
    queue = await openTestQueue(t, [containCampaignAccountJob], false);
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await queue?.close();
    await sim?.stop();
    await t?.close();
  });

  it("writes each step of each account exactly once, with a worker killed mid-run and restarted", async () => {
    const tenant = await seedTenant(t.db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain, clientId: CONTOSO.clientId, clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, KEY) });
    const admin = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    const upns = Array.from({ length: ACCOUNTS }, (_, i) => `bulk.user${i}@${CONTOSO.primaryDomain}`);
    const ticket = await seedTicket(t.db, { tenantId: tenant.id, reporterId: admin.id, affectedUpn: upns[0]!, status: "TRIAGED" });
    expect((await addCampaignAccounts(t.db, engineer, { ticketId: ticket.id, accounts: upns.join("\n"), source: "PASTE" })).added).toBe(ACCOUNTS);

    await Promise.all([startWorker(), startWorker()]);
    // Both app instances start the campaign at the same moment.
    const [here, there] = await Promise.all([
      startCampaignContainment(t.db, engineer, { ticketId: ticket.id }, { queue }).catch(() => ({ accounts: 0, steps: 0 })),
      run(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/campaign-enqueue.ts", ticket.id, JSON.stringify(engineer)], { env: { ...process.env, ...env } }).then((r) => JSON.parse(r.stdout.trim().split("\n").at(-1)!)),
    ]);
    expect(here.steps + there.steps).toBe(ACCOUNTS * 4);

    const accepted = () => t.db.campaignStep.count({ where: { ticketId: ticket.id, state: "ACCEPTED" } });
    await waitFor(async () => ((await accepted()) >= ACCOUNTS ? true : undefined), "a quarter of the steps", 120_000);
    const victim = workers[0]!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBeNull();
    await startWorker();

    await waitFor(async () => {
      const n = await accepted();
      if (process.env.DEBUG_CAMPAIGN) console.log(new Date().toISOString(), n, JSON.stringify(await t.db.campaignStep.groupBy({ by: ["state", "stepKey", "error"], _count: true, where: { ticketId: ticket.id } })));
      return n === ACCOUNTS * 4 ? true : undefined;
    }, "every step accepted", 240_000).catch((error: unknown) => {
      console.log(workers.map((w) => w.output().slice(-3000)).join("\n-----\n"));
      throw error;
    });
    const writes = writesOf(sim.runtime, CONTOSO.tenantId);
    for (const upn of upns) {
      const mine = Object.entries(writes).filter(([k]) => k.includes(`/users/${upn}`));
      expect(mine.map(([k, n]) => [k.replace(upn, "<upn>"), n]).sort(), upn).toEqual([
        ["PATCH /beta/users/<upn>/authentication/requirements perUserMfaState", 1],
        ["PATCH /v1.0/users/<upn> accountEnabled", 1],
        ["PATCH /v1.0/users/<upn> passwordProfile", 1],
        ["POST /v1.0/users/<upn>/revokesigninsessions", 1],
      ]);
    }
    expect(Object.values(writes).reduce((a, b) => a + b, 0)).toBe(ACCOUNTS * 4);
  }, 300_000);
});
