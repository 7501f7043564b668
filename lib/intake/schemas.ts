import { z } from "zod";
import { ZCreateTicketForm } from "@/lib/tickets/schemas";
import { isInTenantDomain } from "@/lib/tickets/tenant-domain";

// The intake form with the other affected accounts of a campaign: pasted one per line, or the
// text of a CSV whose column is headed `account` (else its first column). Checked line by line,
// so each bad line gets its own message and the rest of the form keeps what was typed.

export const MAX_INTAKE_ACCOUNTS = 5_000;
/** A long list with many bad lines names the first few and counts the rest. */
const MAX_LINE_ERRORS = 10;
const UPN = z.email().max(320);

export const ZIntakeForm = ZCreateTicketForm.extend({
  /** Other affected accounts: one per line, or a CSV's text. Empty or absent for a single account. */
  otherAccounts: z.string().max(1_000_000, "The list is too long: split it into several reports.").optional(),
});
export type TIntakeForm = Partial<z.input<typeof ZIntakeForm>>;

/** The cells of one CSV line: commas, semicolons or tabs between them, "quoted" cells may hold them. */
function csvCells(line: string): string[] {
  return [...line.matchAll(/\s*(?:"((?:[^"]|"")*)"|([^,;\t]*))\s*(?:[,;\t]|$)/g)]
    .filter((m) => m[0] !== "")
    .map((m) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? "")).trim());
}

/**
 * The accounts of a pasted or uploaded list, lower-cased and deduplicated, or a message per bad
 * line ("Line 3: …"). Without a domain (tenant not known yet) only the form of each name is checked.
 */
export function accountListSchema(primaryDomain?: string) {
  return z.string().transform((text, ctx) => {
    const lines = text.split(/\r?\n/);
    const header = csvCells(lines[0] ?? "").map((c) => c.toLowerCase());
    const column = Math.max(0, header.indexOf("account"));
    const start = header.includes("account") ? 1 : 0;
    const upns = new Set<string>();
    const bad: string[] = [];
    lines.forEach((line, i) => {
      if (i < start || line.trim() === "") return;
      const value = (csvCells(line)[column] ?? "").replace(/^<|>$/g, "").toLowerCase();
      const where = `Line ${i + 1}`;
      if (!value) bad.push(`${where}: no account in column ${column + 1}.`);
      else if (!UPN.safeParse(value).success) bad.push(`${where}: "${value.slice(0, 80)}" is not a sign-in name (UPN).`);
      else if (primaryDomain && !isInTenantDomain(value, primaryDomain))
        bad.push(`${where}: ${value} is not in your tenant's domain (${primaryDomain}).`);
      else upns.add(value);
    });
    for (const message of bad.slice(0, MAX_LINE_ERRORS)) ctx.addIssue({ code: "custom", message });
    if (bad.length > MAX_LINE_ERRORS)
      ctx.addIssue({ code: "custom", message: `And ${bad.length - MAX_LINE_ERRORS} more lines like these.` });
    if (upns.size > MAX_INTAKE_ACCOUNTS)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_INTAKE_ACCOUNTS} accounts in one report: split the list.` });
    return ctx.issues.length > 0 ? z.NEVER : [...upns];
  });
}
