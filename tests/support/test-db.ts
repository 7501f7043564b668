import { randomUUID } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import { createPglite } from "@/lib/db/pglite";
import pg from "pg";
import { inject } from "vitest";
import { pgliteFactory, postgresFactory } from "@/lib/db/adapters";
import { newPrismaClient, type Db } from "@/lib/db/create-client";
import type {} from "./global-setup"; // the inject() keys it provides

export type TestDbKind = "pglite" | "postgres";
export type TestDb = {
  kind: TestDbKind;
  db: Db;
  /** The PGlite instance under db (pglite), for code that shares it (the job queue). */
  pglite?: PGlite;
  /** The database's URL (postgres), for code or processes that connect on their own. */
  url?: string;
  close: () => Promise<void>;
};

/** PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
export function testDbKinds(): TestDbKind[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated database of the given kind, private to the caller. */
export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  if (kind === "pglite") {
    const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
    const pglite = await createPglite({ loadDataDir: dump });
    const db = newPrismaClient(pgliteFactory(pglite));
    return {
      kind,
      db,
      pglite,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const template = inject("postgresTemplate")!;
  const name = `bd_t_${inject("runId")}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = newPrismaClient(postgresFactory(url.toString()));
  return {
    kind,
    db,
    url: url.toString(),
    close: async () => {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
