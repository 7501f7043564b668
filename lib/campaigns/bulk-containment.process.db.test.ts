import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { startTestSimulator } from "@/simulator/test/support";
import { writesOf } from "@/simulator/write-count";
import { startCampaignElsewhere, startCampaignWorker, type Child } from "@/tests/support/campaign-processes";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "./jobs";
import { addCampaignAccounts, startCampaignContainment } from "./service";

// Two app instances (this process and a child process, each with its own database client and
// queue, both starting the same campaign at once) and two worker processes (`npm run worker`'s
// entry point) on one PostgreSQL: 200 accounts are contained with exactly one Graph write per
// account and step — counted by the simulator, which enforces an identity-write quota — also
// when one worker is killed with SIGKILL in the middle and started again.

const ACCOUNTS = 200;
const KEY = Buffer.alloc(32, 7).toString("base64");

describe.skipIf(!testDbKinds().includes("postgres"))("bulk containment across processes on PostgreSQL", () => {
  let t: TestDb;
  let sim: RunningSimulator;
  let queue: JobQueue;
  let engineer: Viewer;
  const workers: Child[] = [];
  let env: Record<string, string>;

  const startWorker = async () => {
    const w = await startCampaignWorker(env);
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    t = await createTestDb("postgres");
    // Graph's quota shape (writes per app and tenant per second, 429 + Retry-After), scaled up so the test is quick.
    sim = await startTestSimulator({
      quotas: { identityWrites: { limit: 100, windowMs: 1_000, sendsRetryAfter: true } },
      compromisedUsers: { count: ACCOUNTS },
    });
    env = {
      DATABASE_URL: t.url!,
      BREACHDESK_DEMO: "1",
      BREACHDESK_ENCRYPTION_KEY: KEY,
      GRAPH_SIMULATOR_URL: sim.url,
      GRAPH_IDENTITY_WRITES_PER_SECOND: "100",
      LOG_LEVEL: "info",
      JOBS_SHUTDOWN_SECONDS: "2",
    };
    queue = await openTestQueue(t, [containCampaignAccountJob, verifyCampaignAccountJob], false);
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await queue?.close();
    await sim?.stop();
    await t?.close();
  });

  it("writes each step of each account exactly once, with a worker killed mid-run and restarted", async () => {
    const tenant = await seedTenant(t.db, {
      entraTenantId: CONTOSO.tenantId,
      primaryDomain: CONTOSO.primaryDomain,
      clientId: CONTOSO.clientId,
      clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, KEY),
    });
    const admin = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    const upns = Array.from({ length: ACCOUNTS }, (_, i) => `bulk.user${i}@${CONTOSO.primaryDomain}`);
    const ticket = await seedTicket(t.db, { tenantId: tenant.id, reporterId: admin.id, affectedUpn: upns[0]!, status: "TRIAGED" });
    expect((await addCampaignAccounts(t.db, engineer, { ticketId: ticket.id, accounts: upns.join("\n"), source: "PASTE" })).added).toBe(
      ACCOUNTS,
    );

    await Promise.all([startWorker(), startWorker()]);
    // Both app instances start the campaign at the same moment.
    const [here, there] = await Promise.all([
      startCampaignContainment(t.db, engineer, { ticketId: ticket.id }, { queue }).catch(() => ({ accounts: 0, steps: 0 })),
      startCampaignElsewhere(ticket.id, engineer, env),
    ]);
    expect(("steps" in here ? here.steps : 0) + there.steps).toBe(ACCOUNTS * 4);

    const accepted = () => t.db.campaignStep.count({ where: { ticketId: ticket.id, state: "ACCEPTED" } });
    await waitFor(async () => ((await accepted()) >= ACCOUNTS ? true : undefined), "a quarter of the steps", 120_000);
    const victim = workers[0]!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBeNull();
    await startWorker();

    await waitFor(async () => ((await accepted()) === ACCOUNTS * 4 ? true : undefined), "every step accepted", 240_000).catch(
      async (error: unknown) => {
        // Say what is left, and what the queue holds for it.
        const left = await t.db.campaignStep.findMany({
          where: { ticketId: ticket.id, state: { not: "ACCEPTED" } },
          select: { accountId: true, stepKey: true, state: true, sentAt: true, error: true },
        });
        const jobs = await t.db.$queryRawUnsafe(
          `SELECT state::text, retry_count, output::text, data->'payload'->>'accountId' AS account FROM pgboss.job WHERE data->'payload'->>'accountId' = ANY($1::text[])`,
          left.map((l) => l.accountId),
        );
        throw new Error(`${String(error)}\n${JSON.stringify({ left, jobs }, null, 1).slice(0, 4000)}`);
      },
    );
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
