import type { Report } from "./compose-report";

// What a new report version changes in substance. The timeline appendix always grows (the
// resubmission itself is an event), so it does not count as a revision.

export const APPENDIX_HEADING = "Appendix: timeline";

/** Headings of the sections whose lines differ between two versions, appendix excluded. */
export function changedSections(previous: Report, next: Report): string[] {
  const before = new Map(previous.sections.map((s) => [s.heading, JSON.stringify(s.lines)]));
  const headings = new Set([...previous.sections.map((s) => s.heading), ...next.sections.map((s) => s.heading)]);
  headings.delete(APPENDIX_HEADING);
  const after = new Map(next.sections.map((s) => [s.heading, JSON.stringify(s.lines)]));
  const changed = [...headings].filter((h) => before.get(h) !== after.get(h));
  if (previous.title !== next.title) changed.unshift("Title");
  return changed;
}
