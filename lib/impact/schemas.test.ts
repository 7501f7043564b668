import { createSafeActionClient } from "next-safe-action";
import { describe, expect, it } from "vitest";
import { IMPACT_CATEGORIES } from "./categories";
import { errorsByPath } from "./errors-by-path";
import { ZSaveImpactInput } from "./schemas";

// The impact form shows each message beside its own control, including a note inside the list
// of assessments, which next-safe-action's "flattened" shape would drop.
const action = createSafeActionClient()
  .inputSchema(ZSaveImpactInput, { handleValidationErrorsShape: async (ve) => ({ fieldErrors: errorsByPath(ve) }) })
  .action(async () => "saved");

const base = {
  ticketId: "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b",
  version: 1,
  assessments: Object.keys(IMPACT_CATEGORIES).map((category) => ({ category: category as never, level: "LOW" as const, notes: "" })),
  personalDataInvolved: true,
  overallSeverity: "HIGH" as const,
};

describe("impact input errors", () => {
  it("names the note and the deadline that are wrong, by the form's paths", async () => {
    const assessments = base.assessments.map((a, i) => (i === 2 ? { ...a, notes: "x".repeat(2001) } : a));
    const result = await action({ ...base, assessments, notificationDeadline: "next friday" as never });
    expect(result.validationErrors).toEqual({
      fieldErrors: {
        "assessments.2.notes": ["Keep notes under 2,000 characters."],
        notificationDeadline: ["Enter a valid date and time."],
      },
    });
  });

  it("accepts a UTC deadline and a blank one", async () => {
    expect((await action({ ...base, notificationDeadline: "2026-11-27T08:00:00Z" as never })).data).toBe("saved");
    expect((await action({ ...base, notificationDeadline: "" as never })).data).toBe("saved");
  });
});

describe("impact rule errors", () => {
  it("puts a service refusal tied to a field (a lower severity) beside that field, in the same shape", async () => {
    const { withFieldErrors } = await import("@/lib/actions/client");
    const { AppError } = await import("@/lib/errors");
    const refusing = createSafeActionClient()
      .inputSchema(ZSaveImpactInput, { handleValidationErrorsShape: async (ve) => ({ fieldErrors: errorsByPath(ve) }) })
      .action(async () =>
        withFieldErrors(async () => {
          throw new AppError("INVALID_INPUT", "The ticket is High: severity can only be raised. Choose High or higher.", {
            field: "overallSeverity",
          });
        }),
      );
    const result = await refusing({ ...base, overallSeverity: "LOW" });
    expect(result.validationErrors).toEqual({
      fieldErrors: { overallSeverity: ["The ticket is High: severity can only be raised. Choose High or higher."] },
    });
  });
});
