import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS } from "./steps";
import { approvalStepWords, confirmationFor, instructionsFor } from "./step-words";

describe("step words", () => {
  it("names the step and the account in every confirmation; allowing sign-in again asks too", () => {
    expect(confirmationFor("block-sign-in", "megan@contoso.example", null)).toMatchObject({
      title: "Block sign-in for megan@contoso.example?",
      action: "Block sign-in",
    });
    expect(confirmationFor("re-enable-sign-in", "megan@contoso.example", null)).toMatchObject({
      title: "Allow sign-in again for megan@contoso.example?",
      description: expect.stringContaining("undoes the containment"),
    });
    expect(confirmationFor("remove-inbox-rules", "megan@contoso.example", "“.”")!.title).toBe(
      "Remove the inbox rule “.” from megan@contoso.example's mailbox?",
    );
    for (const step of CHECKLIST_STEPS.filter((s) => s.destructive))
      expect(confirmationFor(step.key, "u@x.example", "“x”")!.title).toContain("u@x.example");
    expect(confirmationFor("enforce-mfa", "u@x.example", null)).toBeNull();
  });

  it("puts approvals in words, never step keys", () => {
    expect(approvalStepWords("containment", null)).toMatch(/^Contain the account: reset the password/);
    expect(approvalStepWords("revoke-sessions", null)).toBe("Sign out of all sessions");
    expect(approvalStepWords("remove-inbox-rules", "rule “.”")).toBe("Remove malicious inbox rules: rule “.”");
  });

  it("writes the ticket's account into a manual step's instructions", () => {
    const forwarding = CHECKLIST_STEPS.find((s) => s.key === "disable-forwarding")!.instructions;
    const text = instructionsFor(forwarding, "megan@contoso.example");
    expect(text).toContain("Get-Mailbox megan@contoso.example |");
    expect(text).not.toContain("<upn>");
  });
});
