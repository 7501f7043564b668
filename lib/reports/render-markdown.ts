import type { Report } from "./compose-report";

export function renderMarkdown(report: Report): string {
  const out = [`# ${report.title}`, "", `_${report.subtitle}_`, ""];
  for (const s of report.sections) {
    out.push(`## ${s.heading}`, "");
    for (const line of s.lines) out.push(`- ${line}`);
    out.push("");
  }
  return out.join("\n");
}
