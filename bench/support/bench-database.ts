// The database every page benchmark starts from (bench/queue-page.ts, bench/floor-page.ts).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDemoIfAllowed } from "@/prisma/seed/demo";
import { CONTOSO } from "@/simulator/demo-tenants";
import { addHistory } from "./ticket-work";

/** The encryption and audit-chain key of the benchmark servers and their seeded rows. */
export const BENCH_KEY = Buffer.alloc(32, 3).toString("base64");

export type BenchDatabase = { target: DatabaseTarget; env: Record<string, string>; ticketId: string };

/**
 * A fresh database for the page benchmarks: the demo seed, `tickets` more tickets in Contoso,
 * and Megan's ticket given a 200-event history (its id returned). PostgreSQL when `serverUrl` is
 * given (database "breachdesk_bench", recreated), else PGlite under data/bench/pglite.
 */
export async function prepareBenchDatabase(serverUrl: string | undefined, tickets: number): Promise<BenchDatabase> {
  let target: DatabaseTarget;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS "breachdesk_bench" WITH (FORCE)');
    await admin.query('CREATE DATABASE "breachdesk_bench"');
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = "/breachdesk_bench";
    target = { kind: "postgres", url: url.toString() };
  } else {
    const dataDir = path.join("data", "bench", "pglite");
    fs.rmSync(dataDir, { recursive: true, force: true });
    target = { kind: "pglite", dataDir };
  }
  const opened = await openDatabase(target);
  await applyMigrations(opened.factory).finally(() => opened.close());
  const { db, close } = await createPrismaClient(target);
  let ticketId = "";
  try {
    await seedDemoIfAllowed(db, { isDemoMode: true, encryptionKey: BENCH_KEY });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { entraTenantId: CONTOSO.tenantId } });
    const reporter = await db.user.findUniqueOrThrow({ where: { email: "admin@contoso.example" } });
    const started = Date.now();
    await db.$executeRawUnsafe(
      `INSERT INTO "Ticket" (id, "tenantId", title, "affectedUpn", symptoms, "detectedAt", severity, status, "reporterId", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'Compromised account ' || g || CASE WHEN g % 97 = 0 THEN ' invoice fraud' ELSE '' END,
              'user' || g || '@contoso.example', ARRAY['BULK_MAIL'], now() - (g || ' minutes')::interval,
              (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4]::"Severity",
              (ARRAY['NEW','TRIAGED','CONTAINED','RESOLVED','CLOSED'])[1 + g % 5]::"TicketStatus", $2,
              now() - (g || ' minutes')::interval, now()
       FROM generate_series(1, ${tickets}) g`,
      tenant.id,
      reporter.id,
    );
    await db.$executeRawUnsafe('ANALYZE "Ticket"');
    console.log(`seeded ${tickets} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s (${target.kind})`);
    // P3/P4: Megan's ticket with a 200-event history, its version moved past 1 (a stale edit's).
    const megan = await db.ticket.findFirstOrThrow({ where: { affectedUpn: "megan@contoso.example" }, select: { id: true } });
    const engineer = await db.user.findUniqueOrThrow({ where: { email: "engineer@breachdesk.example" } });
    await addHistory(db, megan.id, engineer.id, 200 - (await db.auditEvent.count({ where: { ticketId: megan.id } })));
    await db.ticket.update({ where: { id: megan.id }, data: { version: { increment: 5 } } });
    ticketId = megan.id;
  } finally {
    await close();
  }
  const env: Record<string, string> =
    target.kind === "postgres" ? { DATABASE_URL: target.url } : { PGLITE_DIR: target.dataDir, DATABASE_URL: "" };
  return { target, env, ticketId };
}
