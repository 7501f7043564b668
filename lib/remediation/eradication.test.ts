import { describe, expect, it } from "vitest";
import { flaggedItems, itemStepState, progressOf, progressText } from "./eradication";

const rule = (id: string, name: string) => ({ id, name, reasons: ["deletes mail"] });
const first = { inboxRules: [rule("r1", "."), rule("r2", "Bounces")] };
const later = { inboxRules: [rule("r2", "Bounces"), rule("r3", "New one")] };

describe("eradication items", () => {
  it("takes every item any snapshot flagged, the earliest first, each once", () => {
    expect(flaggedItems("remove-inbox-rules", [first, later]).map((i) => [i.id, i.label])).toEqual([
      ["r1", "“.”"],
      ["r2", "“Bounces”"],
      ["r3", "“New one”"],
    ]);
    expect(
      flaggedItems("remove-auth-methods", [
        { authMethods: [{ id: "m1", kind: "phone", detail: "+234 803 555 0147", createdAt: null, reasons: [] }] },
      ]),
    ).toEqual([{ id: "m1", label: "phone +234 803 555 0147", kind: "phone" }]);
    expect(flaggedItems("revoke-oauth-grants", [{ consents: null }, {}])).toEqual([]);
  });

  it("is done only when nothing flagged is left; in progress in between", () => {
    const targets = flaggedItems("remove-inbox-rules", [first]);
    const half = progressOf(targets, ["r2", "unrelated"]);
    expect(half).toMatchObject({ total: 2, removed: 1, remaining: [{ id: "r2" }] });
    expect(itemStepState(half)).toBe("IN_PROGRESS");
    expect(progressText("remove-inbox-rules", half, { label: "“.”", gone: true, wasAlreadyGone: false })).toBe(
      "“.” is gone; 1 of 2 removed; still there: “Bounces”",
    );
    const none = progressOf(targets, ["r1", "r2"]);
    expect(itemStepState(none)).toBe("TODO");
    const all = progressOf(targets, ["unrelated"]);
    expect(itemStepState(all)).toBe("DONE");
    expect(progressText("remove-inbox-rules", all, { label: "“Bounces”", gone: true, wasAlreadyGone: true })).toBe(
      "“Bounces” was already gone; all 2 flagged inbox rules are removed",
    );
    expect(progressText("revoke-oauth-grants", progressOf([{ id: "g", label: "“App”" }], []), null)).toBe(
      "Re-checked; the flagged app consent is removed",
    );
  });
});
