import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/generated/prisma/client";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "./adapters";
import { openPglite, pgliteFactory, postgresFactory } from "./adapters";

/**
 * Secrets are left out of every query result unless a query selects them by name: the one
 * sign-in check reads User.passwordHash (lib/auth/credentials.ts), the Graph connection reads
 * the tenant's encrypted secret (lib/graph/tenant-graph.ts), the setup callback its encrypted PKCE
 * verifier (lib/tenants/connect-attempts.ts). A forgotten `select` then cannot
 * send either to the browser.
 */
export const OMIT_SECRETS = {
  user: { passwordHash: true },
  tenant: { clientSecretEncrypted: true },
  tenantConnectAttempt: { codeVerifierEncrypted: true },
} as const;

const buildClient = (adapter: SqlMigrationAwareDriverAdapterFactory, logQueries = false) =>
  new PrismaClient({ adapter, omit: OMIT_SECRETS, log: logQueries ? [{ emit: "stdout", level: "query" }] : [] });

/** The client type with the secrets omitted: reading one without selecting it is a type error. */
export type Db = ReturnType<typeof buildClient>;

/** Every Prisma client of the app (and, preferably, of its tests) is made here, with the secrets omitted. */
export function newPrismaClient(adapter: SqlMigrationAwareDriverAdapterFactory, logQueries = false): Db {
  return buildClient(adapter, logQueries);
}

export type OpenedClient = {
  db: Db;
  /** The embedded database itself, for the job queue that shares it (null on PostgreSQL). */
  pglite: PGlite | null;
  close: () => Promise<void>;
};

/**
 * Opens a Prisma client on the configured database: PostgreSQL through adapter-pg, or the
 * embedded PGlite (one instance per process, guarded by a lock file).
 */
export async function createPrismaClient(target: DatabaseTarget, options: { logQueries?: boolean } = {}): Promise<OpenedClient> {
  if (target.kind === "postgres") {
    const db = newPrismaClient(postgresFactory(target.url), options.logQueries);
    return { db, pglite: null, close: () => db.$disconnect() };
  }
  const { pglite, release } = await openPglite(target.dataDir);
  const db = newPrismaClient(pgliteFactory(pglite), options.logQueries);
  return {
    db,
    pglite,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
      release();
    },
  };
}
