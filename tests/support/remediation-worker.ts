// A process that runs one containment (lib/remediation/crash.db.test.ts): the app's code against
// a database of its own opening (PostgreSQL by DATABASE_URL, or the embedded database in
// PGLITE_DIR) and the simulator (GRAPH_SIMULATOR_URL). Args: <ticketId> <userId> <key>. Prints
// "ready", then "started" when the run begins; SIGTERM drains the run as the server does
// (lib/remediation/in-flight.ts) and prints "drained <json>"; kill -9 just kills it.
import { pgliteFactory, postgresFactory } from "@/lib/db/adapters";
import { newPrismaClient } from "@/lib/db/create-client";
import { createPglite } from "@/lib/db/pglite";
import { runContainment } from "@/lib/remediation/containment";
import { drainRuns } from "@/lib/remediation/in-flight";

async function main() {
  const [ticketId, userId, key] = process.argv.slice(2);
  const pglite = process.env.DATABASE_URL ? null : await createPglite({ dataDir: process.env.PGLITE_DIR });
  const db = newPrismaClient(pglite ? pgliteFactory(pglite) : postgresFactory(process.env.DATABASE_URL!));
  const user = await db.user.findUniqueOrThrow({ where: { id: userId! } });
  const viewer = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tenantId: user.tenantId,
    servesAllTenants: user.servesAllTenants,
  };

  process.on("SIGTERM", () => {
    void drainRuns(db, Number(process.env.DRAIN_MS ?? 1_000)).then(async (drained) => {
      console.log(`drained ${JSON.stringify(drained)}`);
      await db.$disconnect();
      await pglite?.close();
      process.exit(0);
    });
  });
  console.log("ready");
  console.log("started");
  runContainment(db, viewer, { ticketId: ticketId!, idempotencyKey: key! }, { verifyForMs: 0 }).then(
    (r) => console.log(`finished ${JSON.stringify(r.outcomes.map((o) => o.status))}`),
    (error: unknown) => console.log(`failed ${String(error)}`),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
