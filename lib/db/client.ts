import "server-only";
import { getEnv, isBuildPhase } from "@/lib/env";
import { resolveDatabaseTarget } from "./adapters";
import { createPrismaClient, type Db } from "./create-client";

// One Prisma client per server process, cached on globalThis so hot reloads in `next dev` do not
// open the embedded database twice. Pages that read it are dynamic, so `next build` never opens it.

type Cache = { promise?: Promise<Db> };
const cache = ((globalThis as { __breachdeskDb?: Cache }).__breachdeskDb ??= {});

export function getDb(): Promise<Db> {
  if (isBuildPhase()) {
    throw new Error("The database must not be opened during `next build`; mark the page dynamic.");
  }
  cache.promise ??= createPrismaClient(resolveDatabaseTarget(getEnv()))
    .then(({ db }) => db)
    .catch((error: unknown) => {
      cache.promise = undefined; // let the next request retry instead of failing forever
      throw error;
    });
  return cache.promise;
}
