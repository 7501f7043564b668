import type { Report } from "./compose-report";

// Reports snapshotted before internal evidence was left out of the timeline still name it
// ("Evidence attached: notes.txt (internal)"). A tenant admin's copy drops those lines, so an
// internal file's name never reaches them, whatever version they read. Pure.

const INTERNAL_EVIDENCE = /^\S+ \S+ UTC Evidence attached: .*\(internal\)/;
const TIMELINE = "Appendix: timeline";

export function withoutInternalEvidence(report: Report): Report {
  return {
    ...report,
    sections: report.sections.map((s) => (s.heading === TIMELINE ? { ...s, lines: s.lines.filter((l) => !INTERNAL_EVIDENCE.test(l)) } : s)),
  };
}
