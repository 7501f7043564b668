import { spawn, type ChildProcess } from "node:child_process";
import { waitFor } from "./job-queue";

// Starts tests/support/job-worker.ts (the `npm run worker` entry point with the test kinds) as a
// real process against a PostgreSQL test database, and resolves once it says it is ready.

export type Worker = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

export function startWorker(url: string, env: Record<string, string> = {}): Promise<Worker> {
  // node with tsx as a loader (as `npm run worker` does): one process, so the signal reaches the worker itself.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/job-worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, BREACHDESK_DEMO: "1", LOG_LEVEL: "info", JOBS_SHUTDOWN_SECONDS: "5", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const worker = { child, exited, output: () => output };
  return waitFor(
    async () =>
      output.includes('"msg":"worker ready"') ? worker : child.exitCode !== null ? Promise.reject(new Error(output)) : undefined,
    "a worker to start",
    60_000,
  );
}
