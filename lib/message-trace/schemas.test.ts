import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZRunMessageTraceInput, ZTraceFilter } from "./schemas";

// The field each message lands on is what the forms show beside the control.
const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

const id = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b";

describe("message trace inputs", () => {
  it("treats blank bounds as the default window and reports an invalid date on its field", () => {
    expect(ZRunMessageTraceInput.parse({ ticketId: id, startDate: "", endDate: "" })).toEqual({ ticketId: id });
    expect(fieldErrors(ZRunMessageTraceInput, { ticketId: id, startDate: "yesterday-ish" })).toEqual({
      startDate: ["Enter a valid start (UTC)."],
    });
  });

  it("drops unknown filter values instead of failing", () => {
    expect(ZTraceFilter.parse({ status: "bogus", domain: " Gmail.com " })).toEqual({ status: undefined, domain: "gmail.com" });
  });
});
