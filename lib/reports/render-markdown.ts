import type { Report } from "./compose-report";

// The report as Markdown. Its lines carry user text (titles, notes, names read from Graph: an
// attacker names inbox rules and apps), so every line is escaped: whatever renders the file shows
// the text as typed, and no raw HTML, link, image or heading is made from it. Pure.

/** Characters that start HTML, links, images, code or emphasis anywhere in a line. */
const INLINE = /[\\`*_[\]<>&|~]/g;
/** What opens a block (heading, quote, list, rule) at the start of a line. */
const BLOCK_START = /^(\s*)([#>+=-]|\d+[.)])/;

/** One piece of text as literal Markdown, its line breaks kept inside the list item it is in. */
export function escapeMarkdown(text: string, indent = "  "): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, i) => {
      const escaped = line
        .replace(INLINE, "\\$&")
        .replace(BLOCK_START, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+=.)-])$/, "\\$1")}`);
      return i === 0 ? escaped : `${indent}${escaped.trimStart()}`;
    })
    .join("  \n");
}

export function renderMarkdown(report: Report): string {
  const out = [
    `# ${escapeMarkdown(report.title.replace(/\s+/g, " "))}`,
    "",
    `_${escapeMarkdown(report.subtitle.replace(/\s+/g, " "))}_`,
    "",
  ];
  for (const s of report.sections) {
    out.push(`## ${s.heading}`, ""); // ours, never user text
    for (const line of s.lines) out.push(`- ${escapeMarkdown(line)}`);
    out.push("");
  }
  return out.join("\n");
}
