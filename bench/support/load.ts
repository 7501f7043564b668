// Load generators for the benchmarks, loopback only. Each reports latency percentiles.

export type LoadResult = { requests: number; errors: number; p50: number; p95: number; p99: number; max: number; rps: number };

type Target = {
  url: string | (() => string);
  headers?: Record<string, string>;
  /** A POST body (a server action's arguments); GET without. */
  body?: string | (() => string);
  /** Whether the answer is right (default: status 200). */
  check?: (status: number, text: string) => boolean;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One request, read to the end; false when it failed or its answer was not the expected one. */
async function fetchOk(target: Target): Promise<boolean> {
  const url = typeof target.url === "function" ? target.url() : target.url;
  const body = typeof target.body === "function" ? target.body() : target.body;
  try {
    const res = await fetch(url, { method: body === undefined ? "GET" : "POST", body, headers: target.headers, redirect: "manual" });
    const text = await res.text();
    return target.check ? target.check(res.status, text) : res.status === 200;
  } catch {
    return false;
  }
}

function summarise(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    rps: latencies.length / (elapsedMs / 1000),
  };
}

/** Closed loop: `connections` clients each send requests back to back for `durationMs`. */
export async function runLoad(options: Target & { connections: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      if (!(await fetchOk(options))) errors += 1;
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  return summarise(latencies, errors, performance.now() - started);
}

/**
 * Open loop: requests start at a fixed rate whatever the server's speed, and each latency is
 * measured from its scheduled start, so a slow server cannot hide its queue (no coordinated
 * omission). What a fixed population of users refreshing pages looks like.
 */
export async function runFixedRate(options: Target & { ratePerSecond: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const interval = 1000 / options.ratePerSecond;
  const started = performance.now();
  const one = async (i: number) => {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!(await fetchOk(options))) errors += 1;
    latencies.push(performance.now() - scheduled);
  };
  await Promise.all(Array.from({ length: total }, (_, i) => one(i)));
  return summarise(latencies, errors, performance.now() - started);
}
