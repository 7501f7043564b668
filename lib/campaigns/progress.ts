// A campaign's progress from its step states: counts, a percentage and an estimate of the time
// left from the tenant's write pace. Pure (the checklist and the report both use it).

export type StepState = "IDLE" | "QUEUED" | "SENDING" | "ACCEPTED" | "FAILED" | "CANCELLED";

export type CampaignCounts = {
  total: number;
  idle: number;
  queued: number;
  sending: number;
  accepted: number;
  failed: number;
  cancelled: number;
};

export type CampaignProgress = CampaignCounts & {
  /** Steps finished (accepted or failed) out of those started (not idle, not cancelled). */
  done: number;
  started: number;
  percent: number;
  /** Seconds left at the given pace; null when nothing is left or the pace is unknown. */
  etaSeconds: number | null;
};

export function countSteps(states: StepState[]): CampaignCounts {
  const c: CampaignCounts = { total: states.length, idle: 0, queued: 0, sending: 0, accepted: 0, failed: 0, cancelled: 0 };
  for (const s of states) c[s.toLowerCase() as Exclude<keyof CampaignCounts, "total">]++;
  return c;
}

/** writesPerSecond: the pace the queue keeps for this tenant (pace.ts). */
export function progressOf(states: StepState[], writesPerSecond: number): CampaignProgress {
  const c = countSteps(states);
  const done = c.accepted + c.failed;
  const started = done + c.queued + c.sending;
  const left = c.queued + c.sending;
  return {
    ...c,
    done,
    started,
    percent: started === 0 ? 0 : Math.floor((done / started) * 100),
    etaSeconds: left === 0 || writesPerSecond <= 0 ? null : Math.ceil(left / writesPerSecond),
  };
}

/** "about 3 min", "about 40 s": an estimate, said as one. */
export function etaWords(seconds: number | null): string {
  if (seconds === null) return "nothing left to run";
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

export type TimedStep = { state: StepState; verified: boolean | null; queuedAt: Date | null; verifiedAt: Date | null };

/**
 * A campaign is contained when every started step (not idle) is accepted by Graph and verified by
 * a read of the tenant: its time to contain runs from the first step queued to the last verified.
 */
export function campaignContainment(steps: TimedStep[]): { startedAt: Date | null; containedAt: Date | null; seconds: number | null } {
  const started = steps.filter((s) => s.state !== "IDLE");
  const queued = started.flatMap((s) => (s.queuedAt ? [s.queuedAt.getTime()] : []));
  const startedAt = queued.length ? new Date(Math.min(...queued)) : null;
  const done = started.length > 0 && started.every((s) => s.state === "ACCEPTED" && s.verified === true && s.verifiedAt);
  const containedAt = done ? new Date(Math.max(...started.map((s) => s.verifiedAt!.getTime()))) : null;
  const seconds = startedAt && containedAt ? Math.max(0, Math.round((containedAt.getTime() - startedAt.getTime()) / 1000)) : null;
  return { startedAt, containedAt, seconds };
}

/** A step's read-back in words: "Verified", "Verifying…", "Not verified (what was read)", or null before Graph accepted it. */
export function verificationWords(s: {
  state: StepState;
  verified: boolean | null;
  verifiedAt: Date | null;
  observed: string | null;
  verifyingUntil: Date | null;
}): string | null {
  if (s.state !== "ACCEPTED") return null;
  if (s.verified === true && s.verifiedAt) return "Verified";
  if (s.verifyingUntil || (!s.observed && s.verified === null)) return "Verifying…";
  return `Not verified (${s.observed ?? "not read yet"})`;
}
