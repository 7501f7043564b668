import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquirePgliteLock, lockPathFor } from "./pglite-lock";

// Real processes racing for one data dir right after a crash left its lock behind: exactly one
// may win, every time. (The PID file this replaced let two win in about a third of such trials.)

const WORKER = path.join(process.cwd(), "tests", "support", "pglite-lock-worker.ts");
const CONTENDERS = 4;
const TRIALS = 15;

type Worker = { child: ChildProcessWithoutNullStreams; next: () => Promise<string> };

function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], { cwd: process.cwd(), stdio: ["pipe", "pipe", "pipe"] });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queue.push(line);
  });
  const next = () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve)));
  return next().then((line) => {
    expect(line).toBe("ready");
    return { child, next };
  });
}

const send = (w: Worker, line: string) => w.child.stdin.write(`${line}\n`);

/** A process that took the lock and was killed with SIGKILL: its claim stays behind. */
async function crashHolding(dataDir: string) {
  const crasher = await startWorker();
  send(crasher, `acquire ${dataDir}`);
  expect(await crasher.next()).toMatch(/^won \d+$/);
  const exited = new Promise((resolve) => crasher.child.once("exit", resolve));
  crasher.child.kill("SIGKILL");
  await exited;
}

describe("the embedded database's lock, contended by real processes", () => {
  let root: string;
  let workers: Worker[];
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bd-lock-"));
    workers = await Promise.all(Array.from({ length: CONTENDERS }, startWorker));
  });
  afterAll(() => {
    for (const w of workers ?? []) w.child.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it(`lets exactly one of ${CONTENDERS} processes starting together after a crash win, ${TRIALS} times out of ${TRIALS}`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const dataDir = path.join(root, `trial-${trial}`, "pglite");
      if (trial % 3 === 2) {
        // The previous version's lock file, left by a dead process.
        fs.mkdirSync(path.dirname(dataDir), { recursive: true });
        fs.writeFileSync(lockPathFor(dataDir), "999999");
      } else {
        await crashHolding(dataDir);
      }
      for (const w of workers) send(w, `acquire ${dataDir}`);
      const answers = await Promise.all(workers.map((w) => w.next()));
      const winners = answers.filter((a) => a.startsWith("won "));
      expect(winners, `trial ${trial}: ${answers.join(" | ")}`).toHaveLength(1);
      const winnerPid = winners[0]!.slice(4);
      for (const refused of answers.filter((a) => !a.startsWith("won "))) {
        expect(refused).toBe(
          `refused The embedded database ${dataDir} is in use by process ${winnerPid}. Stop that process (or use DATABASE_URL for a PostgreSQL server shared by several processes).`,
        );
      }
      const winner = workers[answers.indexOf(winners[0]!)]!;
      send(winner, "release");
      expect(await winner.next()).toBe("released");
    }
  });

  it("is taken again at once after its owner released it, and refused to a second process while held", async () => {
    const dataDir = path.join(root, "handover", "pglite");
    const [a, b] = workers;
    send(a!, `acquire ${dataDir}`);
    expect(await a!.next()).toMatch(/^won /);
    send(b!, `acquire ${dataDir}`);
    expect(await b!.next()).toMatch(/^refused .* in use by process \d+/);
    send(a!, "release");
    expect(await a!.next()).toBe("released");
    const release = await acquirePgliteLock(dataDir);
    send(b!, `acquire ${dataDir}`);
    expect(await b!.next()).toBe(
      `refused The embedded database ${dataDir} is in use by process ${process.pid}. Stop that process (or use DATABASE_URL for a PostgreSQL server shared by several processes).`,
    );
    release();
  });
});
