import { PrismaClient } from "@/generated/prisma/client";
import type { DatabaseTarget } from "./adapters";
import { openPglite, pgliteFactory, postgresFactory } from "./adapters";

export type Db = PrismaClient;

/**
 * Opens a Prisma client on the configured database: PostgreSQL through adapter-pg, or the
 * embedded PGlite (one instance per process, guarded by a lock file).
 */
export async function createPrismaClient(target: DatabaseTarget): Promise<{ db: Db; close: () => Promise<void> }> {
  if (target.kind === "postgres") {
    const db = new PrismaClient({ adapter: postgresFactory(target.url) });
    return { db, close: () => db.$disconnect() };
  }
  const { pglite, release } = await openPglite(target.dataDir);
  const db = new PrismaClient({ adapter: pgliteFactory(pglite) });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
      release();
    },
  };
}
