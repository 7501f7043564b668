import { describe, expect, it } from "vitest";
import { accountListSchema } from "./schemas";

const parse = (text: string, domain = "contoso.example") => accountListSchema(domain).safeParse(text);
const messages = (text: string) => {
  const r = parse(text);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("accountListSchema", () => {
  it("reads one account per line, lower-cased, deduplicated, blank lines skipped", () => {
    expect(parse("Ann@contoso.example\n\n bob@contoso.example \r\nann@contoso.example\n<cy@sub.contoso.example>").data).toEqual([
      "ann@contoso.example",
      "bob@contoso.example",
      "cy@sub.contoso.example",
    ]);
    expect(parse("").data).toEqual([]);
  });

  it("reads a CSV by its `account` column, else by its first column", () => {
    expect(parse('name,Account,dept\n"Vance, Adele",adele@contoso.example,Sales\nBob,bob@contoso.example,IT').data).toEqual([
      "adele@contoso.example",
      "bob@contoso.example",
    ]);
    expect(parse("ann@contoso.example,Sales\nbob@contoso.example;IT").data).toEqual(["ann@contoso.example", "bob@contoso.example"]);
  });

  it("says which line is wrong and why, each line once", () => {
    expect(messages("ann@contoso.example\nnot an address\nmegan@fabrikam.example\n,Sales")).toEqual([
      'Line 2: "not an address" is not a sign-in name (UPN).',
      "Line 3: megan@fabrikam.example is not in your tenant's domain (contoso.example).",
      "Line 4: no account in column 1.",
    ]);
    const many = messages(["account", ...Array.from({ length: 13 }, (_, i) => `bad${i}`)].join("\n"));
    expect(many).toHaveLength(11);
    expect(many.at(-1)).toBe("And 3 more lines like these.");
  });

  it("checks only the form of the names while the tenant is unknown", () => {
    expect(accountListSchema().safeParse("megan@fabrikam.example").data).toEqual(["megan@fabrikam.example"]);
  });
});
