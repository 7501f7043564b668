// Counts the SQL statements one page request costs. The app server runs with DB_QUERY_LOG=1
// (Prisma prints each statement after "prisma:query", some over several lines); a request is
// sent alone once the log has been quiet for a moment, and the statements logged until it is
// quiet again are its queries. Background jobs can add some, so the least of a few tries counts.

export type QueryCount = { total: number; session: number };
export type QueryCounter = {
  onStdout: (chunk: string) => void;
  count: (url: string, headers: Record<string, string>) => Promise<QueryCount>;
};

const QUIET_MS = 400;
const MARK = "prisma:query";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function queryCounter(tries = 3): QueryCounter {
  let log = "";
  let lastQueryAt = 0;
  const waitQuiet = async () => {
    while (Date.now() - lastQueryAt < QUIET_MS) await sleep(50);
  };
  return {
    onStdout(chunk) {
      log += chunk;
      if (chunk.includes(MARK)) lastQueryAt = Date.now();
    },
    async count(url, headers) {
      let least: QueryCount = { total: Number.POSITIVE_INFINITY, session: 0 };
      for (let i = 0; i < tries; i++) {
        await waitQuiet();
        const from = log.length;
        const res = await fetch(url, { headers, redirect: "manual" });
        await res.text();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        await sleep(QUIET_MS);
        await waitQuiet();
        const statements = log.slice(from).split(MARK).slice(1);
        const session = statements.filter((sql) => sql.includes('"UserSession"')).length;
        if (statements.length < least.total) least = { total: statements.length, session };
      }
      return least;
    },
  };
}
