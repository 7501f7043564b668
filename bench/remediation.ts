// Benchmarks of docs/design-basis.md (Performance targets) for Graph work, against the tenant simulator with 300 ms per Graph
// call and Graph's realistic rules on (run with: tsx --conditions=react-server bench/remediation.ts;
// npm run bench does):
//   P8  contain one account (4 steps, verified until the ticket is Contained), with a fixed
//       read-after-write lag (BENCH_LAG_MS, 3 s) so the target is exact   target ≤ lag + 2 s
//       measured twice: with the evidence snapshot already taken (containment alone), and
//       without one, when containment takes the snapshot alongside and waits for it too;
//       then once more with the default random lag (1–4 s per write)      target ≤ 4 s + 2 s
//   --  investigation snapshot of one user, Graph quotas on    target ≤ 10 s
// Prints figures; asserts nothing. Loopback only.
import path from "node:path";
import { createPglite } from "@/lib/db/pglite";
import type { Viewer } from "@/lib/auth/viewer";
import { pgliteFactory } from "@/lib/db/adapters";
import { newPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";
import { createTenantGraph } from "@/lib/graph/client";
import { takeSnapshot } from "@/lib/investigation/snapshot";
import { runContainment } from "@/lib/remediation/containment";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { CONTOSO } from "@/simulator/demo-tenants";
import { startSimulator } from "@/simulator/server";

const LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 300);
const LAG_MS = Number(process.env.BENCH_LAG_MS ?? 3_000);
const fixedLag: [number, number] = [LAG_MS, LAG_MS];
const FIXED_LAG = {
  readLagMs: { user: fixedLag, mfa: fixedLag, methods: fixedLag, signInPreferences: fixedLag, rules: fixedLag, grants: fixedLag },
};

async function main() {
  const pglite = await createPglite();
  const factory = pgliteFactory(pglite);
  await applyMigrations(factory);
  const db = newPrismaClient(factory);
  const sim = await startSimulator({ port: 0, certDir: path.join("data", "simulator"), latencyMs: LATENCY_MS, rules: FIXED_LAG });
  try {
    const tenant = await seedTenant(db, { entraTenantId: CONTOSO.tenantId, primaryDomain: CONTOSO.primaryDomain });
    const e = await seedUser(db, { role: "ENGINEER" });
    const engineer: Viewer = { id: e.id, email: e.email, name: e.name, role: e.role, tenantId: null, servesAllTenants: true };
    const reporter = await seedUser(db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    const graph = createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
    });
    await graph.client.api("/users/adele@contoso.example").get(); // token acquired once, as in a running server

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const upns = ["megan@contoso.example", "adele@contoso.example", "alex@contoso.example"];
    // Containment alone: the engineer took the snapshot first (the snapshot is not timed here).
    const alone: number[] = [];
    for (const upn of upns) {
      sim.reset();
      const ticket = await seedTicket(db, { tenantId: tenant.id, reporterId: reporter.id, affectedUpn: upn, status: "TRIAGED" });
      await takeSnapshot(db, engineer, { ticketId: ticket.id }, { graph });
      const started = performance.now();
      const result = await runContainment(db, engineer, { ticketId: ticket.id, idempotencyKey: `bench-${upn}` }, { graph });
      alone.push(performance.now() - started);
      if (!result.contained || result.snapshot.status !== "existing")
        console.warn(`containment of ${upn}: contained ${result.contained}, snapshot ${result.snapshot.status}`);
    }
    // No snapshot yet: containment takes it alongside, and the engineer waits for both.
    const alongside: number[] = [];
    for (const upn of upns) {
      sim.reset();
      const ticket = await seedTicket(db, { tenantId: tenant.id, reporterId: reporter.id, affectedUpn: upn, status: "TRIAGED" });
      const started = performance.now();
      const result = await runContainment(db, engineer, { ticketId: ticket.id, idempotencyKey: `bench-along-${upn}` }, { graph });
      alongside.push(performance.now() - started);
      if (!result.contained || result.snapshot.status !== "taken")
        console.warn(`containment of ${upn}: contained ${result.contained}, snapshot ${result.snapshot.status}`);
    }
    // The default (random 1–4 s per write): what the demo and the tests run with.
    sim.configure({ rules: "realistic" });
    const randomLag: number[] = [];
    for (const upn of upns) {
      sim.reset();
      sim.configure({ rules: "realistic" });
      const ticket = await seedTicket(db, { tenantId: tenant.id, reporterId: reporter.id, affectedUpn: upn, status: "TRIAGED" });
      await takeSnapshot(db, engineer, { ticketId: ticket.id }, { graph });
      const started = performance.now();
      const result = await runContainment(db, engineer, { ticketId: ticket.id, idempotencyKey: `bench-random-${upn}` }, { graph });
      randomLag.push(performance.now() - started);
      if (!result.contained) console.warn(`containment of ${upn} (random lag): contained ${result.contained}`);
    }

    sim.configure({ quotas: true });
    sim.reset();
    sim.configure({ quotas: true, latencyMs: LATENCY_MS, rules: "realistic" });
    const ticket = await seedTicket(db, { tenantId: tenant.id, reporterId: reporter.id, affectedUpn: "megan@contoso.example" });
    const started = performance.now();
    const snap = await takeSnapshot(db, engineer, { ticketId: ticket.id }, { graph });
    const snapshotMs = performance.now() - started;

    const row = (id: string, what: string, value: string, target: string) =>
      console.log(`${id.padEnd(4)} ${what.padEnd(88)} ${value.padStart(10)}   target ${target}`);
    const target = `≤ ${(LAG_MS + 2_000).toLocaleString("en")} ms`;
    console.log(
      `\nGraph latency ${LATENCY_MS} ms per call (simulator on loopback), read-after-write lag ${LAG_MS} ms, audit latency 60–180 s`,
    );
    row(
      "P8",
      `contain until Contained, lag ${LAG_MS} ms, snapshot taken before (median of ${alone.length}: ${alone.map((t) => t.toFixed(0)).join(", ")} ms)`,
      `${median(alone).toFixed(0)} ms`,
      target,
    );
    row(
      "P8",
      `contain until Contained, lag ${LAG_MS} ms, snapshot alongside (median of ${alongside.length}: ${alongside.map((t) => t.toFixed(0)).join(", ")} ms)`,
      `${median(alongside).toFixed(0)} ms`,
      target,
    );
    row(
      "P8",
      `contain until Contained, random lag 1–4 s per write (median of ${randomLag.length}: ${randomLag.map((t) => t.toFixed(0)).join(", ")} ms)`,
      `${median(randomLag).toFixed(0)} ms`,
      "≤ 6,000 ms",
    );
    row("", `investigation snapshot, quotas on (${Object.keys(snap.gaps).length} gaps)`, `${snapshotMs.toFixed(0)} ms`, "≤ 10,000 ms");
  } finally {
    await sim.stop();
    await db.$disconnect();
    await pglite.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
