// Graph's timing rules the simulator plays, ON by default ("realistic"): Microsoft Entra is
// eventually consistent — a read right after an accepted write may still show the old state
// (learn.microsoft.com "Designing for eventual consistency for Microsoft Entra"; grants "might
// have replication delays", oauth2permissiongrant-list), audit logs run minutes behind, and
// Identity Protection processes confirmCompromised asynchronously (riskyUser.isProcessing).
// The docs give no numbers, so the ranges below are ours: a few seconds of read lag, minutes of
// audit latency (simulator/README.md). "fast" switches the timing off for unit tests that are
// about something else; Graph's refusals (body-less batch writes, the default phone method,
// read-only rules, privileged targets, …) are not timing and stay on in every profile.

/** Resources whose reads lag behind writes, each on its own replica. */
export type LagResource = "user" | "mfa" | "methods" | "signInPreferences" | "rules" | "grants";

export type GraphRules = {
  /** Read-after-write lag per resource: each write becomes visible after a random time in [min, max] ms. */
  readLagMs: Record<LagResource, [number, number]>;
  /** How long after an event its directory audit entry can be listed, [min, max] ms. */
  auditLatencyMs: [number, number];
  /** How long confirmCompromised keeps the risky user isProcessing before the new state shows, [min, max] ms. */
  riskProcessingMs: [number, number];
  /** Identity Protection's 1 request/s per tenant, answered 429 without Retry-After (throttling-limits). */
  identityProtectionQuota: boolean;
  /**
   * The user resource says lastPasswordChangeDateTime is when the user "last changed their password
   * or when their password was created, whichever … latest"; it does not say whether an admin
   * reset counts. We read an admin reset as creating a new password (true); false plays the other
   * reading, where only the directory audit shows the reset.
   */
  adminResetMovesLastPasswordChange: boolean;
};

const SECONDS = (min: number, max: number): [number, number] => [min * 1000, max * 1000];
const lagEverywhere = (range: [number, number]): Record<LagResource, [number, number]> => ({
  user: range,
  mfa: range,
  methods: range,
  signInPreferences: range,
  rules: range,
  grants: range,
});

export const REALISTIC_RULES: GraphRules = {
  readLagMs: lagEverywhere(SECONDS(1, 4)),
  auditLatencyMs: SECONDS(60, 180),
  riskProcessingMs: SECONDS(2, 6),
  identityProtectionQuota: true,
  adminResetMovesLastPasswordChange: true,
};

export const FAST_RULES: GraphRules = {
  readLagMs: lagEverywhere([0, 0]),
  auditLatencyMs: [0, 0],
  riskProcessingMs: [0, 0],
  identityProtectionQuota: false,
  adminResetMovesLastPasswordChange: true,
};

export type RulesOption =
  | "realistic"
  | "fast"
  | (Partial<Omit<GraphRules, "readLagMs">> & { readLagMs?: Partial<GraphRules["readLagMs"]>; base?: "realistic" | "fast" });

export function resolveRules(option: RulesOption | undefined): GraphRules {
  if (option === undefined || option === "realistic") return REALISTIC_RULES;
  if (option === "fast") return FAST_RULES;
  const base = option.base === "fast" ? FAST_RULES : REALISTIC_RULES;
  return { ...base, ...option, readLagMs: { ...base.readLagMs, ...(option.readLagMs ?? {}) } } as GraphRules;
}

/** A time within the range (uniform). */
export const within = ([min, max]: [number, number], random = Math.random) => min + (max - min) * random();
