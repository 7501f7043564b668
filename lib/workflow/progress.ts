import { CHECKLIST_STEPS } from "@/lib/remediation/steps";

// Progress of each stage at a glance, from what the engineer did — not from what a ticket is
// filed with (the four recommended measures exist from the start, so they start nothing). The
// detail says what remains. Pure and tested.

export type StageState = "Not started" | "In progress" | "Done";
export type StageProgress = { state: StageState; detail: string };

export type ProgressFacts = {
  status: string;
  scope: { extraUsers: number; domains: number };
  /** Categories saved in the assessment (any level), and those rated above "none". */
  impact: { assessed: number; affected: number; categories: number };
  steps: { key: string; state: string; reason: string | null }[];
  traceRows: number;
  /** Recipient domains outside the tenant: the ones an advisory goes to. */
  externalDomains: number;
  advisories: { total: number; sent: number };
  /** open: OPEN or IN_PROGRESS; touched: items the engineer added or changed (not the untouched recommendations). */
  preventive: { total: number; open: number; touched: number };
  mfaChecked: boolean;
  outcome: { summary: boolean; lessons: boolean; closureReason: boolean };
};

const settled = (s: { state: string; reason: string | null }) =>
  s.state === "DONE" || ((s.state === "SKIPPED" || s.state === "NOT_APPLICABLE") && Boolean(s.reason?.trim()));
const pick = (done: boolean, started: boolean): StageState => (done ? "Done" : started ? "In progress" : "Not started");
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const sentence = (parts: (string | null | false)[]) => {
  const text = parts.filter(Boolean).join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function scope(f: ProgressFacts): StageProgress {
  const { domains, extraUsers } = f.scope;
  const more = extraUsers ? `, ${n(extraUsers, "more account")}` : "";
  if (domains > 0) return { state: "Done", detail: `${n(domains, "recipient domain")}${more}` };
  return { state: pick(false, extraUsers > 0), detail: `Recipients not recorded${more}` };
}

function impact(f: ProgressFacts): StageProgress {
  const { assessed, affected, categories } = f.impact;
  if (assessed >= categories)
    return { state: "Done", detail: affected ? `${affected} of ${categories} categories affected` : "No category affected" };
  return {
    state: pick(false, assessed > 0),
    detail: assessed ? `${categories - assessed} of ${categories} categories not rated` : "Not assessed",
  };
}

function checklist(f: ProgressFacts): StageProgress {
  const mandatory = CHECKLIST_STEPS.filter((s) => s.mandatory);
  const left = mandatory.filter((d) => !f.steps.some((s) => s.key === d.key && settled(s))).length;
  const started = f.steps.some((s) => s.state !== "TODO");
  return {
    state: pick(left === 0, started),
    detail: left === 0 ? `All ${mandatory.length} required steps settled` : `${left} of ${mandatory.length} required steps left`,
  };
}

function resolution(f: ProgressFacts): StageProgress {
  const { total, sent } = f.advisories;
  const traced = f.traceRows > 0;
  const advised = total > 0 ? sent === total : traced && f.externalDomains === 0;
  const advisories =
    total > 0
      ? sent === total
        ? `${n(total, "advisory", "advisories")} sent`
        : `${total - sent} of ${n(total, "advisory", "advisories")} not sent`
      : traced && f.externalDomains === 0
        ? "no external recipients to advise"
        : "advisories not drafted";
  return { state: pick(traced && advised, traced || total > 0), detail: sentence([traced ? "trace run" : "trace not run", advisories]) };
}

function prevention(f: ProgressFacts): StageProgress {
  const { total, open, touched } = f.preventive;
  const measures =
    total === 0 ? "no measures recorded" : open === 0 ? `all ${n(total, "measure")} settled` : `${open} of ${n(total, "measure")} open`;
  const done = f.mfaChecked && total > 0 && open === 0;
  return { state: pick(done, f.mfaChecked || touched > 0), detail: sentence([measures, !f.mfaChecked && "MFA coverage not checked"]) };
}

function outcome(f: ProgressFacts): StageProgress {
  const { summary, lessons, closureReason } = f.outcome;
  const missing = [!summary && "outcome", !lessons && "lessons learned", !closureReason && "closure reason"].filter((x): x is string =>
    Boolean(x),
  );
  if (missing.length === 0)
    return {
      state: "Done",
      detail: f.status === "CLOSED" ? "Written; ticket closed" : "Outcome, lessons learned and closure reason written",
    };
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return { state: pick(false, missing.length < 3), detail: sentence([`${list} not written`]) };
}

export function stageProgress(f: ProgressFacts): Record<string, StageProgress> {
  return {
    intake: { state: "Done", detail: "Reported" },
    scope: scope(f),
    impact: impact(f),
    checklist: checklist(f),
    resolution: resolution(f),
    prevention: prevention(f),
    outcome: outcome(f),
  };
}
