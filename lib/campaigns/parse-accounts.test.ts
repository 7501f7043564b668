import { describe, expect, it } from "vitest";
import { parseAccountList } from "./parse-accounts";

describe("parseAccountList", () => {
  it("reads a pasted list with mixed separators, deduplicated and lower-cased", () => {
    const r = parseAccountList("Ann@Contoso.com, bob@contoso.com\n\nbob@contoso.com carl@contoso.com", "contoso.com");
    expect(r.upns).toEqual(["ann@contoso.com", "bob@contoso.com", "carl@contoso.com"]);
    expect(r.duplicates).toBe(1);
  });

  it("reads the named column of a CSV with quotes", () => {
    const csv = 'Name,UserPrincipalName,Dept\n"Lee, Ann",ann@contoso.com,Sales\nBob,bob@contoso.com,"R&D"';
    expect(parseAccountList(csv, "contoso.com").upns).toEqual(["ann@contoso.com", "bob@contoso.com"]);
  });

  it("keeps apart what is not an account or not in the tenant", () => {
    const r = parseAccountList("not-an-account\nmallory@evil.example\nann@eu.contoso.com", "contoso.com");
    expect(r.invalid).toEqual(["not-an-account"]);
    expect(r.foreign).toEqual(["mallory@evil.example"]);
    expect(r.upns).toEqual(["ann@eu.contoso.com"]);
  });
});
