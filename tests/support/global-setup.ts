import fs from "node:fs";
import path from "node:path";
import { createPglite } from "@/lib/db/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { pgliteFactory, postgresFactory } from "@/lib/db/adapters";
import { applyMigrations } from "@/lib/db/migrations";

// Migrates one template database per run; each test file then gets its own copy of it
// (PGlite: loadDataDir of a dump, ~1 s; PostgreSQL: CREATE DATABASE … TEMPLATE, ~0.1 s).

// Each run has its own templates and databases, so runs side by side never touch each other's.
const RUN_ID = `${process.pid}_${Date.now()}`;
const PGLITE_TEMPLATE = path.join(process.cwd(), "data", "test", `pglite-template-${RUN_ID}.tar.gz`);

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string | null;
    pgliteTemplate: string;
    runId: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const pglite = await createPglite();
  await applyMigrations(pgliteFactory(pglite));
  const dump = await pglite.dumpDataDir("gzip");
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", PGLITE_TEMPLATE);
  project.provide("runId", RUN_ID);
  const removeTemplate = () => fs.rmSync(PGLITE_TEMPLATE, { force: true });

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide("postgresTemplate", null);
    return removeTemplate;
  }
  const template = `bd_tpl_${RUN_ID}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await applyMigrations(postgresFactory(withDatabase(serverUrl, template)));
  // The migration engine's pool may linger; a template must have no sessions to be copied.
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [template]);
  project.provide("postgresTemplate", template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2", [
      `bd_t_${RUN_ID}_%`,
      template,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    removeTemplate();
  };
}
