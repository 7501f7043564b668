import "server-only";
import { getEnv, isBuildPhase } from "@/lib/env";
import { resolveDatabaseTarget } from "./adapters";
import { createPrismaClient, type Db, type OpenedClient } from "./create-client";

// One Prisma client per server process, cached on globalThis so hot reloads in `next dev` do not
// open the embedded database twice. Pages that read it are dynamic, so `next build` never opens it.

type Cache = { promise?: Promise<OpenedClient> };
const cache = ((globalThis as { __breachdeskDb?: Cache }).__breachdeskDb ??= {});

/** The process's opened database: the Prisma client and, in embedded mode, the PGlite instance. */
export function getOpenedDb(): Promise<OpenedClient> {
  if (isBuildPhase()) {
    throw new Error("The database must not be opened during `next build`; mark the page dynamic.");
  }
  cache.promise ??= createPrismaClient(resolveDatabaseTarget(getEnv()), { logQueries: getEnv().DB_QUERY_LOG }).catch((error: unknown) => {
    cache.promise = undefined; // let the next request retry instead of failing forever
    throw error;
  });
  return cache.promise;
}

export async function getDb(): Promise<Db> {
  return (await getOpenedDb()).db;
}
