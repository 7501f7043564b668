import type { PGlite } from "@electric-sql/pglite";
import { createPglite } from "./pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquirePgliteLock } from "./pglite-lock";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export type OpenedDatabase = {
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

export function resolveDatabaseTarget(env: { DATABASE_URL?: string; PGLITE_DIR: string }): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.PGLITE_DIR };
}

type ScriptRunner = (adapter: SqlDriverAdapter) => (script: string) => Promise<void>;

// Both adapters' executeScript are unfit for migrations (docs/design-basis.md, Migrations): adapter-pg splits
// on ";" (breaks $$ bodies, half-applies a failing script) and the PGlite adapter does not await
// (records a failed migration as applied). Run the whole script in one call instead; PostgreSQL
// then executes it as one implicit transaction.
function withWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory, run: ScriptRunner): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter) => {
    adapter.executeScript = run(adapter);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

type WithClient<T> = { client: T; onError?: (e: unknown) => never };

const runOnPglite: ScriptRunner = (adapter) => async (script) => {
  const a = adapter as unknown as WithClient<PGlite>;
  try {
    await a.client.exec(script);
  } catch (e) {
    if (a.onError) a.onError(e);
    throw e;
  }
};

const runOnPg: ScriptRunner = (adapter) => async (script) => {
  const a = adapter as unknown as WithClient<{ query: (sql: string) => Promise<unknown> }>;
  try {
    await a.client.query(script); // no parameters: the simple protocol, one implicit transaction
  } catch (e) {
    if (a.onError) a.onError(e);
    throw e;
  }
};

export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}) {
  const release = dataDir ? await acquirePgliteLock(dataDir) : () => {};
  try {
    const pglite = await createPglite({ dataDir, loadDataDir: options.loadDataDir });
    return { pglite, release };
  } catch (error) {
    release();
    throw error;
  }
}

export function pgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withWholeScripts(new PrismaPGlite(pglite), runOnPglite);
}

export function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return withWholeScripts(new PrismaPg({ connectionString: url }), runOnPg);
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.kind === "postgres") {
    return { target, factory: postgresFactory(target.url), close: async () => {} };
  }
  const { pglite, release } = await openPglite(target.dataDir);
  return {
    target,
    factory: pgliteFactory(pglite),
    close: async () => {
      await pglite.close();
      release();
    },
  };
}
