import { describe, expect, it } from "vitest";
import { z } from "zod";
import { intakeSchema, ZCreateTicketInput } from "./schemas";

const fieldErrors = (schema: z.ZodType, input: unknown): Record<string, string[] | undefined> => {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

const valid = { affectedUpn: "Megan@Fabrikam.example", symptoms: ["BULK_MAIL"], detectedAt: "2026-03-03T09:00:00.000Z", severity: "HIGH" };

describe("intake checks", () => {
  it("reports every field's problem in one pass, the tenant's domain among them", () => {
    const schema = intakeSchema({ primaryDomain: "contoso.example" });
    // A wrong domain, nothing observed, no time, no severity and a too-long title: all at once.
    expect(
      fieldErrors(schema, {
        affectedUpn: "megan@fabrikam.example",
        title: "x".repeat(201),
        symptoms: [],
        symptomsNote: " ",
        detectedAt: "",
        severity: "",
      }),
    ).toEqual({
      affectedUpn: ["The account must be in your tenant's domain (contoso.example)."],
      title: ["Keep the title under 200 characters."],
      symptoms: ["Tick at least one thing you observed, or describe it below."],
      detectedAt: ["Enter when the problem was detected."],
      severity: ["Choose a severity."],
    });
    // A malformed address does not hide the other errors either.
    expect(
      Object.keys(
        fieldErrors(schema, { affectedUpn: "not an address", symptoms: [], detectedAt: "2999-01-01T00:00:00Z", severity: "HIGH" }),
      ),
    ).toEqual(["affectedUpn", "symptoms", "detectedAt"]);
  });

  it("gives examples in the viewer's tenant domain, never another tenant's", () => {
    expect(fieldErrors(intakeSchema({ primaryDomain: "fabrikam.example" }), { ...valid, affectedUpn: "nope" }).affectedUpn).toEqual([
      "Enter the account's sign-in name (UPN), e.g. name@fabrikam.example.",
    ]);
    expect(fieldErrors(intakeSchema({ primaryDomain: "fabrikam.example" }), { ...valid, affectedUpn: " " }).affectedUpn).toEqual([
      "Enter the affected account, e.g. name@fabrikam.example.",
    ]);
    expect(JSON.stringify(fieldErrors(intakeSchema(), { ...valid, affectedUpn: "nope" }))).not.toContain("contoso");
  });

  it("returns the typed intake: the account lower-cased, blanks as absent, a note instead of ticks", () => {
    const out = intakeSchema({ primaryDomain: "fabrikam.example" }).parse({
      ...valid,
      symptoms: [],
      symptomsNote: "  Alerts at 09:12 ",
      title: " ",
      tenantId: "",
    });
    expect(out).toEqual({
      affectedUpn: "megan@fabrikam.example",
      title: undefined,
      symptoms: [],
      symptomsNote: "Alerts at 09:12",
      detectedAt: new Date("2026-03-03T09:00:00.000Z"),
      severity: "HIGH",
      tenantId: undefined,
      fileAnyway: false,
    });
  });

  it("refuses unknown observations, a future time and a malformed tenant id", () => {
    expect(
      fieldErrors(ZCreateTicketInput, {
        ...valid,
        symptoms: ["BULK_MAIL", "MADE_UP"],
        detectedAt: new Date(Date.now() + 3_600_000).toISOString(),
        tenantId: "x",
      }),
    ).toEqual({
      symptoms: ["Tick only the observations listed."],
      detectedAt: ["The detection time cannot be in the future."],
      tenantId: ["Choose the tenant this incident belongs to."],
    });
  });
});
