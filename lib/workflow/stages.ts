// The ticket page's stages, in the seed report's order, then the ticket's updates and timeline.
// Each stage is a tab, opened with ?stage=<id>; `progress` names its key in stageProgress
// (lib/workflow/progress.ts), null where a stage has no progress of its own.

export const TICKET_STAGES = [
  { id: "intake", label: "Intake", progress: "intake" },
  { id: "scope", label: "Scope", progress: "scope" },
  { id: "impact", label: "Business impact", progress: "impact" },
  { id: "checklist", label: "Troubleshooting", progress: "checklist" },
  { id: "resolution", label: "Resolution", progress: "resolution" },
  { id: "prevention", label: "Prevention", progress: "prevention" },
  { id: "outcome", label: "Outcome", progress: "outcome" },
  { id: "updates", label: "Updates", progress: null },
  { id: "timeline", label: "Timeline", progress: null },
] as const;

export type TicketStageId = (typeof TICKET_STAGES)[number]["id"];

export const DEFAULT_STAGE: TicketStageId = "intake";

const IDS = new Set<string>(TICKET_STAGES.map((s) => s.id));

/** The stage a ?stage= value opens: an unknown, repeated or missing value opens the intake. */
export function parseStage(value: string | string[] | undefined): TicketStageId {
  return typeof value === "string" && IDS.has(value) ? (value as TicketStageId) : DEFAULT_STAGE;
}

// Anchors of the one-page ticket (and of sections inside a stage) that older links use.
const LEGACY_HASHES: Record<string, TicketStageId> = {
  "checklist-heading": "checklist",
  "resolution-heading": "resolution",
  "prevention-heading": "prevention",
  "comments-heading": "updates",
  "timeline-heading": "timeline",
};

/** The stage an old #hash link meant, or null when the hash names no stage. */
export function stageForHash(hash: string): TicketStageId | null {
  const key = hash.replace(/^#/, "");
  if (IDS.has(key)) return key as TicketStageId;
  return LEGACY_HASHES[key] ?? null;
}

/** The ticket page's address for a stage (with an optional #anchor inside it). */
export function stageHref(ticketId: string, stage: TicketStageId, anchor?: string): string {
  return `/tickets/${ticketId}?stage=${stage}${anchor ? `#${anchor}` : ""}`;
}
