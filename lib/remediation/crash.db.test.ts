import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { pgliteFactory } from "@/lib/db/adapters";
import { newPrismaClient, type Db } from "@/lib/db/create-client";
import { createPglite } from "@/lib/db/pglite";
import { getEncryptionKey } from "@/lib/env";
import { setAccountEnabled } from "@/lib/graph/account";
import { createTenantGraph } from "@/lib/graph/client";
import { getUser } from "@/lib/graph/users";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "@/simulator/test/support";
import { waitFor } from "@/tests/support/job-queue";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { confirmTicketSteps } from "./recheck";
import { RUN_LOCK_MS } from "./run-lock";
import { settleInterruptedRuns } from "./sweep";
import { listWaitingPasswords, revealTemporaryPassword } from "./temporary-password";

// The app process dies after Microsoft accepted the reset (kill -9 of a real process running the
// app's containment code), or is asked to stop (SIGTERM) while a write hangs. Nothing is lost:
// the password in force can still be revealed once, no step stays Running, the sweeper reads the
// tenant back and the ticket shows what took. On the embedded database and on PostgreSQL.

const MEGAN = "megan@contoso.example";

type Child = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startWorker(env: Record<string, string>, args: string[]): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/remediation-worker.ts", ...args], {
    env: { ...process.env, BREACHDESK_DEMO: "1", LOG_LEVEL: "warn", ...env }, // eslint-disable-line no-restricted-properties
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

/** The database a child process can open on its own: PostgreSQL by URL, or PGlite in a directory (closed here meanwhile). */
async function sharedDb(kind: "pglite" | "postgres"): Promise<{
  env: Record<string, string>;
  open: () => Promise<{ db: Db; close: () => Promise<void> }>;
  t?: TestDb;
  cleanup: () => Promise<void>;
}> {
  if (kind === "postgres") {
    const t = await createTestDb("postgres");
    return { env: { DATABASE_URL: t.url! }, t, open: async () => ({ db: t.db, close: async () => undefined }), cleanup: () => t.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-crash-"));
  const seed = await createPglite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) });
  await seed.close();
  const open = async () => {
    const pglite = await createPglite({ dataDir: dir });
    const db = newPrismaClient(pgliteFactory(pglite));
    return {
      db,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  };
  return { env: { PGLITE_DIR: dir }, open, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe.each(testDbKinds())("remediation across a crash on %s", (kind) => {
  let sim: RunningSimulator;
  let shared: Awaited<ReturnType<typeof sharedDb>>;
  const ops: (string | undefined)[] = [];
  const graph = () =>
    createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 0 },
    });

  beforeAll(async () => {
    sim = await startTestSimulator({ onRequest: (_r, op) => void ops.push(op) });
    shared = await sharedDb(kind);
  });
  afterAll(async () => {
    await shared?.cleanup();
    await sim?.stop();
  });

  /** A Contoso ticket for Megan, an engineer and a colleague, in the shared database. */
  async function seedIncident() {
    const { db, close } = await shared.open();
    const existing = await db.tenant.findUnique({ where: { entraTenantId: CONTOSO.tenantId } });
    const tenant =
      existing ??
      (await seedTenant(db, {
        entraTenantId: CONTOSO.tenantId,
        primaryDomain: CONTOSO.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: CONTOSO.clientId,
        clientSecretEncrypted: encryptSecret(CONTOSO.clientSecret, getEncryptionKey()),
      }));
    const engineer = await seedUser(db, { role: "ENGINEER" });
    const colleague = await seedUser(db, { role: "ENGINEER" });
    const ticket = await seedTicket(db, { tenantId: tenant.id, reporterId: engineer.id, affectedUpn: MEGAN, status: "TRIAGED" });
    await close();
    return { ticketId: ticket.id, engineer: viewerOf(engineer), colleague: viewerOf(colleague) };
  }

  it("kill -9 after Graph accepted the reset: the password is still revealed once, and the sweeper settles every step from the tenant", async () => {
    sim.reset();
    const { ticketId, engineer, colleague } = await seedIncident();
    // Graph applies the writes but its answer never arrives before the process dies.
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 60_000, applyEffect: true }] });
    const worker = startWorker({ ...shared.env, GRAPH_SIMULATOR_URL: sim.url }, [ticketId, engineer.id, "crash-1"]);
    await waitFor(
      async () => {
        const users = (await control(sim, "GET", `/tenants/${CONTOSO.tenantId}/users`)).body as unknown as {
          userPrincipalName: string;
          accountEnabled: boolean;
          forceChangePasswordNextSignIn: boolean;
        }[];
        const megan = users.find((u) => u.userPrincipalName === MEGAN)!;
        return megan.accountEnabled === false && megan.forceChangePasswordNextSignIn
          ? true
          : worker.child.exitCode !== null
            ? Promise.reject(new Error(worker.output()))
            : undefined;
      },
      "Graph to accept the reset",
      60_000,
    );
    worker.child.kill("SIGKILL");
    await worker.exited;
    sim.configure({ faults: [] });

    const { db, close } = await shared.open();
    try {
      expect((await db.remediationAction.findMany({ where: { ticketId } })).map((a) => a.status)).toEqual([
        "PENDING",
        "PENDING",
        "PENDING",
        "PENDING",
      ]);
      const kept = await db.temporaryPassword.findFirstOrThrow({ where: { ticketId } });
      expect(kept.sealed).toMatch(/^v1\./); // encrypted with the app's key, never in clear

      // At start-up (embedded: every PENDING step is a dead run's) or once the dead run's lock expired (PostgreSQL, other instances may run).
      const now = kind === "pglite" ? new Date() : new Date(Date.now() + RUN_LOCK_MS + 1_000);
      if (kind === "postgres") expect((await settleInterruptedRuns(db, { graphFor: async () => graph() })).steps).toBe(0); // its lock is live: still "running"
      const swept = await settleInterruptedRuns(db, { now, everyRun: kind === "pglite", graphFor: async () => graph() });
      expect(swept).toMatchObject({ runs: 1, steps: 4, tickets: 1 });
      expect(await db.remediationAction.count({ where: { ticketId, status: "PENDING" } })).toBe(0);
      expect(await db.checklistStep.count({ where: { ticketId, state: "RUNNING" } })).toBe(0);
      expect(await db.accountRunLock.count()).toBe(0);
      const ended = await db.auditEvent.findFirstOrThrow({ where: { ticketId, action: "remediation.interrupted" } });
      expect(ended.details).toMatchObject({ cause: "crash", steps: ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"] });
      // Graph's reads catch up; the re-check confirms the reset this run made (the ticket shows it).
      await control(sim, "POST", "/advance-time", { ms: 30_000 });
      await confirmTicketSteps(db, ticketId, null, { forMs: 0, graph: graph() });
      const reset = await db.remediationAction.findFirstOrThrow({ where: { ticketId, kind: "reset-password" } });
      expect(reset).toMatchObject({ status: "SUCCEEDED", verified: true });
      expect((await db.checklistStep.findFirstOrThrow({ where: { ticketId, key: "reset-password" } })).state).toBe("DONE");

      // The password in force: a colleague must say why; then it is gone for everyone.
      const [waiting] = await listWaitingPasswords(db, engineer, ticketId);
      expect(waiting).toMatchObject({ account: MEGAN, ownerId: engineer.id });
      await expect(revealTemporaryPassword(db, colleague, { passwordId: waiting!.id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const shown = await revealTemporaryPassword(db, colleague, {
        passwordId: waiting!.id,
        reason: "Megan is on the phone; the engineer went home",
      });
      await expect(revealTemporaryPassword(db, engineer, { passwordId: waiting!.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
      expect((await db.temporaryPassword.findFirstOrThrow({ where: { ticketId } })).sealed).toBeNull();
      const audit = await db.auditEvent.findFirstOrThrow({ where: { ticketId, action: "remediation.password-revealed" } });
      expect(audit).toMatchObject({
        actorId: colleague.id,
        details: expect.objectContaining({ by: "colleague", reason: expect.stringContaining("on the phone") }),
      });

      // It is the password in force: with sign-in allowed again, it passes the password check (a wrong one does not).
      const g = graph();
      await setAccountEnabled(g, (await getUser(g, MEGAN))!.id, true);
      const signIn = async (password: string) =>
        (await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/attacker-sign-in`, { upn: MEGAN, password })).body!.errorCode as number;
      expect(await signIn(`${shown.password}x`)).toBe(50126);
      expect([0, 50074]).toContain(await signIn(shown.password));
    } finally {
      await close();
    }
  });

  it("SIGTERM while a write hangs: the run gets its bound, then is recorded as interrupted and its lock released", async () => {
    sim.reset();
    const { ticketId, engineer } = await seedIncident();
    sim.configure({ faults: [{ operation: "updateUser", timeout: true, delayMs: 60_000, applyEffect: false }] });
    ops.length = 0;
    const worker = startWorker({ ...shared.env, GRAPH_SIMULATOR_URL: sim.url, DRAIN_MS: "500" }, [ticketId, engineer.id, "term-1"]);
    // The child is inside the hanging write once the simulator has it (it answers only after 60 s).
    await waitFor(
      async () =>
        ops.includes("updateUser") ? true : worker.child.exitCode !== null ? Promise.reject(new Error(worker.output())) : undefined,
      "the write to hang",
      60_000,
    );
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('drained {"finished":0,"interrupted":1}');
    sim.configure({ faults: [] });

    const { db, close } = await shared.open();
    try {
      expect((await db.remediationAction.findMany({ where: { ticketId } })).map((a) => [a.status, a.errorMessage?.slice(0, 30)])).toEqual(
        Array(4).fill(["UNKNOWN", "The server shut down before th"]),
      );
      expect(await db.accountRunLock.count({ where: { ticketId } })).toBe(0);
      expect((await db.auditEvent.findFirstOrThrow({ where: { ticketId, action: "remediation.interrupted" } })).details).toMatchObject({
        cause: "shutdown",
      });
      // The password may be in force (the writes were sent): it is kept for a reveal.
      expect((await db.temporaryPassword.findFirstOrThrow({ where: { ticketId } })).sealed).not.toBeNull();
    } finally {
      await close();
    }
  });
});
