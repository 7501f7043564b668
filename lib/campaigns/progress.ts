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
