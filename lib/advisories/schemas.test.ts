import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAcknowledgeAdvisoryInput, ZSendAdvisoryInput, ZUpdateAdvisoryInput } from "./schemas";

// The field each message lands on is what the forms show beside the control.
const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

const id = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b";

describe("advisory inputs", () => {
  it("names the bad address, refuses an empty list and requires subject and body", () => {
    expect(
      fieldErrors(ZUpdateAdvisoryInput, {
        advisoryId: id,
        version: 1,
        toAddresses: "admin@gmail.com, not-an-address",
        subject: "x",
        body: "y",
      }),
    ).toEqual({
      toAddresses: ['"not-an-address" is not an email address.'],
    });
    expect(fieldErrors(ZUpdateAdvisoryInput, { advisoryId: id, version: 1, toAddresses: " , ", subject: " ", body: "" })).toEqual({
      toAddresses: ["Enter at least one address of the domain's administrators."],
      subject: ["Enter a subject."],
      body: ["The advisory needs a body."],
    });
  });

  it("needs the version the engineer saw", () => {
    expect(ZSendAdvisoryInput.safeParse({ advisoryId: id }).success).toBe(false);
    expect(ZSendAdvisoryInput.safeParse({ advisoryId: "nope", version: 1 }).success).toBe(false);
  });

  it("takes who confirmed an acknowledgement as optional text: blank is none, too long is refused beside the field", () => {
    expect(ZAcknowledgeAdvisoryInput.parse({ advisoryId: id, version: 2, acknowledgedFrom: "  " })).toEqual({ advisoryId: id, version: 2 });
    expect(
      ZAcknowledgeAdvisoryInput.parse({ advisoryId: id, version: 2, acknowledgedFrom: " postmaster@gmail.com " }).acknowledgedFrom,
    ).toBe("postmaster@gmail.com");
    expect(fieldErrors(ZAcknowledgeAdvisoryInput, { advisoryId: id, version: 2, acknowledgedFrom: "x".repeat(201) })).toEqual({
      acknowledgedFrom: ["Keep this under 200 characters."],
    });
  });
});
