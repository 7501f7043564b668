import type { TicketStatus } from "@/generated/prisma/enums";

// NEW → TRIAGED → CONTAINED → RESOLVED → CLOSED, and REOPENED from CLOSED (or RESOLVED) back
// into the work. CONTAINED is normally reached by verified containment, not by hand.

export type Transition = "triage" | "contain" | "resolve" | "close" | "reopen";

const TRANSITIONS: Record<Transition, { from: TicketStatus[]; to: TicketStatus; label: string }> = {
  triage: { from: ["NEW"], to: "TRIAGED", label: "Triage" },
  contain: { from: ["NEW", "TRIAGED", "REOPENED"], to: "CONTAINED", label: "Mark contained" },
  resolve: { from: ["CONTAINED", "REOPENED"], to: "RESOLVED", label: "Resolve" },
  close: { from: ["RESOLVED"], to: "CLOSED", label: "Close" },
  reopen: { from: ["RESOLVED", "CLOSED"], to: "REOPENED", label: "Reopen" },
};

export function canTransition(from: TicketStatus, transition: Transition): boolean {
  return TRANSITIONS[transition].from.includes(from);
}

export function targetOf(transition: Transition): TicketStatus {
  return TRANSITIONS[transition].to;
}

export function transitionLabel(transition: Transition): string {
  return TRANSITIONS[transition].label;
}

/** The explicit transitions an engineer can take from a status (containment has its own button). */
export function availableTransitions(from: TicketStatus): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => t !== "contain" && canTransition(from, t));
}
