import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// PGlite takes no lock of its own: two processes on one data dir silently lose writes
// (one process owns the dir). This lock is a directory beside the data dir in which every process
// that wants the database writes a claim (its pid and start time), made visible whole by a rename.
// After writing its claim a process looks at the others: a claim of a live process means the
// database is taken; a dead process's claim (a crash) is removed. Because each claim is written
// before the others are read, two processes can never both see none: at least one of them sees
// the other and steps back. Contenders that saw each other withdraw and retry after a random
// pause, so one of them wins. The winner then writes an owner file beside its claim: a process
// that finds a live owner refuses at once, naming it (never a contender that later stepped back).

/** How long contenders that keep seeing each other go on retrying before giving up. */
const CONTENTION_MS = 10_000;
const CLAIM = "claim-";
const OWNER = "owner";

type Claim = { pid: number; start: string | null };
/** Locks held by this process (lock path → claim), shared by every module instance (Next bundles lib code more than once). */
const held = ((globalThis as { __breachdeskPgliteLocks?: Map<string, string> }).__breachdeskPgliteLocks ??= new Map());

export class PgliteLockError extends Error {}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** The kernel's start time of a process (Linux /proc), so a reused pid is not taken for the owner. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(claim: Claim): boolean {
  try {
    process.kill(claim.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = claim.start === null ? null : startTimeOf(claim.pid);
  return start === null || start === claim.start;
}

function readClaim(file: string): Claim | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Claim>;
    return Number.isInteger(value.pid) && value.pid! > 0
      ? { pid: value.pid!, start: typeof value.start === "string" ? value.start : null }
      : { pid: 0, start: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null; // withdrawn meanwhile
    return { pid: 0, start: null }; // unreadable: nobody can own it
  }
}

const removeQuietly = (file: string) => fs.rmSync(file, { force: true });

/** The lock file of earlier versions (a PID file at the same path): honoured while its owner lives. */
function legacyOwner(lockPath: string): number | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(lockPath);
  } catch {
    return null;
  }
  if (stat.isDirectory()) return null;
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockPath, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null; // another process removed it first
    throw error;
  }
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive({ pid, start: null })) return pid;
  try {
    fs.unlinkSync(lockPath);
  } catch (error) {
    if (!["ENOENT", "EISDIR", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
  return null;
}

function writeClaim(lockPath: string, me: Claim): string {
  const name = `${me.pid}-${randomBytes(6).toString("hex")}`;
  const tmp = path.join(lockPath, `tmp-${name}`);
  const claimPath = path.join(lockPath, `${CLAIM}${name}`);
  fs.writeFileSync(tmp, JSON.stringify(me), { flag: "wx" });
  fs.renameSync(tmp, claimPath); // appears whole: nobody reads a half-written claim
  return claimPath;
}

/** The pid of a live claim other than ours; dead processes' claims and leftovers are removed. */
function liveRival(lockPath: string, ownClaim: string): number | null {
  let rival: number | null = null;
  for (const name of fs.readdirSync(lockPath)) {
    const file = path.join(lockPath, name);
    if (file === ownClaim) continue;
    if (name.startsWith("tmp-")) {
      if (!isAlive({ pid: Number(name.split("-")[1]), start: null })) removeQuietly(file);
      continue;
    }
    if (!name.startsWith(CLAIM)) continue;
    const claim = readClaim(file);
    if (!claim) continue;
    // Our own pid on another claim is a previous process that had it (containers reuse pids).
    if (claim.pid !== process.pid && isAlive(claim)) rival ??= claim.pid;
    else removeQuietly(file); // its owner crashed
  }
  return rival;
}

/** The pid of the process that won the lock, if it still lives; a dead owner's file is removed. */
function liveOwner(lockPath: string): number | null {
  const file = path.join(lockPath, OWNER);
  const claim = readClaim(file);
  if (!claim) return null;
  if (claim.pid !== process.pid && isAlive(claim)) return claim.pid;
  removeQuietly(file);
  return null;
}

function writeOwner(lockPath: string, me: Claim): string {
  const file = path.join(lockPath, OWNER);
  const tmp = path.join(lockPath, `tmp-${me.pid}-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(tmp, JSON.stringify(me), { flag: "wx" });
  fs.renameSync(tmp, file);
  return file;
}

function inUse(dataDir: string, pid: number): PgliteLockError {
  return new PgliteLockError(
    `The embedded database ${dataDir} is in use by process ${pid}. ` +
      "Stop that process (or use DATABASE_URL for a PostgreSQL server shared by several processes).",
  );
}

/** Takes the data dir for this process, or throws PgliteLockError naming the process that has it. */
export async function acquirePgliteLock(dataDir: string): Promise<() => void> {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) return () => {}; // already this process's: its first opener releases it
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: Claim = { pid: process.pid, start: startTimeOf(process.pid) };
  const deadline = Date.now() + CONTENTION_MS;
  for (let attempt = 0; ; attempt++) {
    const legacy = legacyOwner(lockPath);
    if (legacy) throw inUse(dataDir, legacy);
    fs.mkdirSync(lockPath, { recursive: true });
    const owner = liveOwner(lockPath);
    if (owner) throw inUse(dataDir, owner);
    let claimPath: string;
    try {
      claimPath = writeClaim(lockPath, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // the dir was replaced meanwhile
      throw error;
    }
    const rival = liveRival(lockPath, claimPath);
    if (rival === null) {
      const ownerPath = writeOwner(lockPath, me);
      held.set(lockPath, claimPath);
      const release = () => {
        held.delete(lockPath);
        removeQuietly(ownerPath);
        removeQuietly(claimPath);
      };
      process.once("exit", release);
      return () => {
        process.removeListener("exit", release);
        release();
      };
    }
    removeQuietly(claimPath); // step back; a contender that saw us does the same
    const winner = liveOwner(lockPath);
    if (winner) throw inUse(dataDir, winner);
    if (Date.now() > deadline) throw inUse(dataDir, rival);
    await sleep(5 + Math.floor(Math.random() * 25) * Math.min(attempt + 1, 8));
  }
}
