import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";

// pg-boss runs its SQL through whatever `executeSql` it is given. Two are needed besides its own
// pg pool (PostgreSQL): the embedded PGlite shared with Prisma, and a Prisma client or
// transaction, so a service can enqueue in the same transaction as its own writes.

const nullify = (values: unknown[] | undefined) => (values ?? []).map((v) => (v === undefined ? null : v));

/** pg-boss over the process's one PGlite instance (the embedded default). */
export function pgliteExecutor(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await pglite.query(text, nullify(values))).rows };
      // Without parameters pg-boss sends scripts (its schema, maintenance) with their own
      // BEGIN … COMMIT. PGlite has a single connection, shared with Prisma: a script failing half
      // way must not leave it inside an aborted transaction, so it runs inside PGlite's own
      // transaction, which rolls back on error and holds other queries off meanwhile.
      const results = await pglite.transaction((tx) => tx.exec(text));
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** pg-boss over a Prisma client or interactive transaction: one statement with parameters at a time. */
export function prismaExecutor(db: Db | Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      return { rows: await db.$queryRawUnsafe<unknown[]>(text, ...nullify(values)) };
    },
  };
}
