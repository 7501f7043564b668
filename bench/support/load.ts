// A closed-loop load generator: `connections` clients each send requests back to back for
// `durationMs`; reports latency percentiles. Loopback only.

export type LoadResult = { requests: number; errors: number; p50: number; p95: number; p99: number; max: number; rps: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(options: { url: string | (() => string); headers?: Record<string, string>; connections: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + options.durationMs;
  const client = async () => {
    while (Date.now() < end) {
      const url = typeof options.url === "function" ? options.url() : options.url;
      const started = performance.now();
      try {
        const res = await fetch(url, { headers: options.headers, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    rps: latencies.length / ((Date.now() - started) / 1000),
  };
}

/**
 * An open-loop load: requests start at a fixed rate whatever the server's speed, and each
 * latency is measured from its scheduled start, so a slow server cannot hide its queue
 * (no coordinated omission). What a fixed population of users refreshing pages looks like.
 */
export async function runFixedRate(options: { url: string | (() => string); headers?: Record<string, string>; ratePerSecond: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const interval = 1000 / options.ratePerSecond;
  const started = performance.now();
  const one = async (i: number) => {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const url = typeof options.url === "function" ? options.url() : options.url;
    try {
      const res = await fetch(url, { headers: options.headers, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) errors += 1;
    } catch {
      errors += 1;
    }
    latencies.push(performance.now() - scheduled);
  };
  await Promise.all(Array.from({ length: total }, (_, i) => one(i)));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    rps: latencies.length / ((performance.now() - started) / 1000),
  };
}
