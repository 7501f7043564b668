import { diffWordsWithSpace, structuredPatch } from "diff";

// What changed between two report versions, for a reader: the changed hunks with a few lines of
// context, each line marked added / removed / unchanged (never by colour alone), the words that
// changed inside a replaced line, and a summary by section ("2 lines changed in §7 Outcome
// after troubleshooting"). Pure and tested; the page only draws it.

export const CONTEXT_LINES = 2;

export type DiffPart = { text: string; changed: boolean };
export type DiffLine = { kind: "context" | "added" | "removed"; oldNo: number | null; newNo: number | null; parts: DiffPart[] };
export type DiffHunk = { section: string; lines: DiffLine[] };
export type ReportDiff = { hunks: DiffHunk[]; summary: { section: string; changed: number }[] };

/** "## 7. Outcome after troubleshooting" → "§7 Outcome after troubleshooting". */
function sectionName(heading: string): string {
  const text = heading.replace(/^#+\s*/, "");
  const numbered = /^(\d+)\.\s+(.*)$/.exec(text);
  return numbered ? `§${numbered[1]} ${numbered[2]}` : text;
}

/** For each line (0-based), the section it belongs to. */
function sectionsOf(lines: string[]): string[] {
  let current = "Title";
  return lines.map((l) => {
    if (/^##\s/.test(l)) current = sectionName(l);
    return current;
  });
}

const whole = (text: string): DiffPart[] => [{ text, changed: false }];

/** Inside a replaced line, the words that differ. */
function pairParts(before: string, after: string): { removed: DiffPart[]; added: DiffPart[] } {
  const changes = diffWordsWithSpace(before, after);
  return {
    removed: changes.filter((c) => !c.added).map((c) => ({ text: c.value, changed: Boolean(c.removed) })),
    added: changes.filter((c) => !c.removed).map((c) => ({ text: c.value, changed: Boolean(c.added) })),
  };
}

export function diffReports(previous: string, next: string): ReportDiff {
  const oldSections = sectionsOf(previous.split("\n"));
  const newSections = sectionsOf(next.split("\n"));
  const patch = structuredPatch("previous", "next", previous, next, undefined, undefined, { context: CONTEXT_LINES });
  const counts = new Map<string, number>();
  const hunks: DiffHunk[] = patch.hunks.map((h) => {
    const lines: DiffLine[] = [];
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    let removed: DiffLine[] = [];
    let added: DiffLine[] = [];
    // A run of removed lines followed by added ones is a replacement: pair them for word marks, count it once.
    const flush = () => {
      if (removed.length === added.length) {
        removed.forEach((r, i) => {
          const p = pairParts(r.parts[0]!.text, added[i]!.parts[0]!.text);
          r.parts = p.removed;
          added[i]!.parts = p.added;
        });
      }
      const first = removed[0] ?? added[0];
      if (first) {
        const section = first.kind === "removed" ? oldSections[first.oldNo! - 1]! : newSections[first.newNo! - 1]!;
        counts.set(section, (counts.get(section) ?? 0) + Math.max(removed.length, added.length));
      }
      lines.push(...removed, ...added);
      removed = [];
      added = [];
    };
    for (const raw of h.lines) {
      const mark = raw[0];
      const text = raw.slice(1);
      if (mark === "\\") continue; // "\ No newline at end of file"
      if (mark === "-") {
        if (added.length) flush();
        removed.push({ kind: "removed", oldNo: oldNo++, newNo: null, parts: whole(text) });
      } else if (mark === "+") {
        added.push({ kind: "added", oldNo: null, newNo: newNo++, parts: whole(text) });
      } else {
        flush();
        lines.push({ kind: "context", oldNo: oldNo++, newNo: newNo++, parts: whole(text) });
      }
    }
    flush();
    const firstChange = lines.find((l) => l.kind !== "context")!;
    return { section: firstChange.newNo ? newSections[firstChange.newNo - 1]! : oldSections[firstChange.oldNo! - 1]!, lines };
  });
  return { hunks, summary: [...counts].map(([section, changed]) => ({ section, changed })) };
}

/** "2 lines changed in §7 Outcome after troubleshooting; 1 line changed in Appendix: timeline." */
export function summariseDiff(d: ReportDiff): string {
  if (d.summary.length === 0) return "No text changed.";
  return `${d.summary.map((s) => `${s.changed} ${s.changed === 1 ? "line" : "lines"} changed in ${s.section}`).join("; ")}.`;
}
