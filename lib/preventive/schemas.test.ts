import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAddPreventiveItemInput, ZUpdatePreventiveItemInput } from "./schemas";

// The field each message lands on is what the forms show beside the control.
const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

const id = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b";

describe("preventive item inputs", () => {
  it("requires a title, checks the due date and the status", () => {
    expect(fieldErrors(ZAddPreventiveItemInput, { ticketId: id, title: "  ", dueAt: "31/02/2026" })).toEqual({
      title: ["Describe the measure."],
      dueAt: ["Enter a valid due date."],
    });
    expect(
      fieldErrors(ZUpdatePreventiveItemInput, { itemId: id, updatedAt: new Date().toISOString(), title: "x", status: "LATER" }),
    ).toEqual({
      status: ["Choose a status."],
    });
  });

  it("clears owner, due date and notes when emptied on update", () => {
    expect(
      ZUpdatePreventiveItemInput.parse({
        itemId: id,
        updatedAt: "2026-03-03T09:00:00.000Z",
        title: "x",
        status: "OPEN",
        owner: "",
        dueAt: "",
        notes: " ",
      }),
    ).toMatchObject({
      owner: null,
      dueAt: null,
      notes: null,
    });
  });
});
