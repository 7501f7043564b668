import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { waitFor } from "./job-queue";

// Child processes for the campaign tests and benchmarks: worker processes (`npm run worker`'s
// entry point with the campaign kind) and a second app instance that starts a campaign.

export type Child = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

const TSX = ["--conditions=react-server", "--import", "tsx"];

/** script: the test worker (fast timings), or scripts/worker.ts — `npm run worker` itself. */
export async function startCampaignWorker(env: Record<string, string>, script = "tests/support/campaign-worker.ts"): Promise<Child> {
  const child = spawn(process.execPath, [...TSX, script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const w: Child = { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))), output: () => output };
  await waitFor(
    async () => (output.includes('"msg":"worker ready"') ? true : child.exitCode !== null ? Promise.reject(new Error(output)) : undefined),
    "a worker to start",
    60_000,
  );
  return w;
}

/** Starts the ticket's campaign from another process; resolves with the service's answer. */
export async function startCampaignElsewhere(
  ticketId: string,
  viewer: unknown,
  env: Record<string, string>,
): Promise<{ accounts: number; steps: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...TSX, "tests/support/campaign-enqueue.ts", ticketId, JSON.stringify(viewer)],
    { env: { ...process.env, ...env } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}
