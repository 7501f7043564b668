// Turns what an engineer pasted or uploaded into account names: one per line, or a CSV whose
// column is named upn / userPrincipalName / email / mail (else the first column). Pure, so the
// form and the server agree on what a list means.

export type ParsedAccounts = { upns: string[]; invalid: string[]; foreign: string[]; duplicates: number };

const UPN = /^[^\s@",;<>]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const HEADER = new Set(["upn", "userprincipalname", "email", "mail", "account", "user"]);

/** Splits one CSV line on commas, honouring double quotes ("a, b" stays one cell). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if ((ch === "," || ch === ";" || ch === "\t") && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/** The accounts in `text`, lower-cased, deduplicated, in the tenant's domain (or a subdomain of it). */
export function parseAccountList(text: string, tenantDomain: string): ParsedAccounts {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let column = 0;
  const first = lines[0] ? cells(lines[0]) : [];
  const headerIndex = first.findIndex((c) => HEADER.has(c.toLowerCase().replace(/[^a-z]/g, "")));
  if (headerIndex >= 0) {
    column = headerIndex;
    lines.shift();
  }
  const seen = new Set<string>();
  const result: ParsedAccounts = { upns: [], invalid: [], foreign: [], duplicates: 0 };
  const domain = tenantDomain.toLowerCase();
  for (const line of lines) {
    // Without a header: every token with an @ (a pasted list may put several on a line, and a
    // CSV without a header may have other columns); a line with none is reported as invalid.
    const tokens = line.split(/[\s,;"]+/).filter(Boolean);
    const values =
      headerIndex >= 0 ? [cells(line)[column] ?? ""] : tokens.some((t) => t.includes("@")) ? tokens.filter((t) => t.includes("@")) : [line];
    for (const raw of values) {
      const upn = raw.replace(/^<|>$/g, "").toLowerCase();
      if (!upn) continue;
      if (!UPN.test(upn)) result.invalid.push(raw);
      else if (!(upn.endsWith(`@${domain}`) || upn.endsWith(`.${domain}`))) result.foreign.push(upn);
      else if (seen.has(upn)) result.duplicates++;
      else {
        seen.add(upn);
        result.upns.push(upn);
      }
    }
  }
  return result;
}
