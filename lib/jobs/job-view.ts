// Pure reading of pg-boss's job rows for the pages: state in words, attempts, the last error.

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Record<JobState, string> = {
  created: "Queued",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

/** States a job can still leave by itself (and so be cancelled). */
export const UNFINISHED_STATES: readonly JobState[] = ["created", "retry", "active"];

export function canCancel(state: JobState): boolean {
  return UNFINISHED_STATES.includes(state);
}

export function canRetry(state: JobState): boolean {
  return state === "failed" || state === "cancelled";
}

/** Runs started so far: pg-boss counts retries, and only once a run has started. */
export function attemptsOf(row: { retryCount: number; startedOn: Date | null }): number {
  return row.startedOn ? row.retryCount + 1 : 0;
}

// pg-boss writes these itself; say them in our words.
const LIBRARY_MESSAGES: [RegExp, string][] = [
  [/^job failed by timeout in active state/, "Did not finish within its time limit (or its worker stopped without a word)."],
  [/^handler execution exceeded/, "Did not finish within its time limit."],
  [/^pg-boss shut down while active/, "Its worker shut down while it ran."],
];

function messageIn(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (typeof o.value === "string") return o.value;
  if (o.value && typeof o.value === "object") return messageIn(o.value);
  return null;
}

function inOurWords(message: string): string {
  for (const [pattern, words] of LIBRARY_MESSAGES) if (pattern.test(message)) return words;
  return message;
}

/**
 * The last error of a job, or null. A failed run's error is its output until the next run
 * finishes; a run that succeeds after failures carries the previous error as `lastError`.
 */
export function lastErrorOf(state: JobState, output: unknown): string | null {
  if (state === "completed") {
    const carried = (output as { lastError?: unknown } | null)?.lastError;
    return typeof carried === "string" ? carried : null;
  }
  const message = messageIn(output);
  return message ? inOurWords(message) : null;
}
