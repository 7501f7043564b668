import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every PGlite of the app, its tests and scripts, with the extensions the migrations use
 * (pg_trgm: the queue's search indexes). PostgreSQL servers ship pg_trgm in their contrib package.
 */
export function createPglite(options: Omit<PGliteOptions, "extensions"> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}
