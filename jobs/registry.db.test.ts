import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { listJobs } from "@/lib/jobs/queries";
import type { JobQueue } from "@/lib/jobs/queue";
import { seedUser } from "@/prisma/seed/factories";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { verifyAuditChainJob } from "./audit-chain";
import { purgeSignInStateJob } from "./housekeeping";
import { JOB_KINDS } from "./registry";

// The app's own kinds, wired as the server and `npm run worker` wire them: the housekeeping job
// is scheduled, and a run purges expired sign-in state and nothing else.

const HOUR = 3_600_000;

describe.each(testDbKinds())("registered jobs on %s", (dbKind) => {
  let t: TestDb;
  let queue: JobQueue;
  beforeAll(async () => {
    t = await createTestDb(dbKind);
    queue = await openTestQueue(t, JOB_KINDS, true);
  });
  afterAll(async () => {
    await queue?.close(1000);
    await t?.close();
  });

  it("schedules the alert poll, the housekeeping, the chain verification and both re-checks", async () => {
    const schedules = await t.db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule ORDER BY name`;
    expect(schedules).toEqual([
      { name: "alerts.poll", cron: "* * * * *" },
      { name: "audit.verify-chain", cron: "7 * * * *" },
      { name: "auth.purge-expired-sign-in-state", cron: "17 * * * *" },
      { name: "remediation.recheck-due-steps", cron: "* * * * *" },
      { name: "tenants.recheck-connections", cron: "40 3 * * *" },
    ]);
  });

  it("a scheduled chain verification walks the chain and records its result", async () => {
    const { id } = await enqueueJob(verifyAuditChainJob, {}, { queue });
    await waitFor(
      async () =>
        (await listJobs(t.db, { kind: verifyAuditChainJob.name, state: "completed" })).rows.some((r) => r.id === id) ? true : undefined,
      "the verification",
    );
    const runs = await t.db.auditVerification.findMany({ where: { kind: "SCHEDULED" }, select: { status: true } });
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.status !== "BROKEN")).toBe(true);
  });

  it("purges expired failed-sign-in counters and sessions past any lifetime", async () => {
    const now = Date.now();
    await t.db.rateLimit.createMany({
      data: [
        { key: "signin-pair:old@x|1.2.3.4", points: 5, expire: new Date(now - 60_000) },
        { key: "signin-ip:1.2.3.4", points: 3, expire: new Date(now + 15 * 60_000) },
      ],
    });
    const user = await seedUser(t.db, { role: "ENGINEER" });
    await t.db.userSession.createMany({
      data: [
        { userId: user.id, createdAt: new Date(now - 25 * HOUR), lastSeenAt: new Date(now - 25 * HOUR) },
        { userId: user.id, createdAt: new Date(now - HOUR), lastSeenAt: new Date(now - HOUR) },
      ],
    });
    const { id } = await enqueueJob(purgeSignInStateJob, {}, { queue });
    await waitFor(
      async () =>
        (await listJobs(t.db, { kind: purgeSignInStateJob.name, state: "completed" })).rows.some((r) => r.id === id) ? true : undefined,
      "the purge",
    );
    expect((await t.db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(["signin-ip:1.2.3.4"]);
    const sessions = await t.db.userSession.findMany({ select: { createdAt: true } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.createdAt.getTime()).toBe(now - HOUR);
  });
});
