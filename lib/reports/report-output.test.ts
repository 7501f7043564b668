import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { composeReport } from "./compose-report";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";
import { bare, section, step } from "./report-test-facts";

describe("report output", () => {
  it("renders a PDF whose text can be searched", async () => {
    const pdf = await renderPdf(composeReport(bare));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("INC-1042");
    expect(text).toContain("2. User affected / scope");
    expect(text).toContain("megan@contoso.example");
  });

  it("says up front, loudly, what the ticket must not hide: MFA trusting the attacker's method, and listings read only in part", () => {
    const mfa =
      "MFA is enforced on megan@contoso.example, but the sign-in method flagged as the attacker's — phone +234 803 555 0147 — is still registered: whoever holds it passes MFA.";
    const text = renderMarkdown(
      composeReport({
        ...bare,
        warnings: [mfa, "The evidence snapshot read the first 2000 sign-ins of more: Graph had more than it reads."],
        steps: [step({ title: "Enforce multi-factor authentication", state: "UNCONFIRMED", observed: "Per-user MFA: disabled" })],
        mfa: { checkedAt: new Date("2026-11-24T10:00:00Z"), totalUsers: 10000, mfaRegistered: 9000, adminsWithoutMfa: 1, truncated: true },
      }),
    );
    const steps = section(text, "4. Troubleshooting steps");
    expect(steps.trim().split("\n").slice(0, 2)).toEqual([
      `- WARNING: ${mfa}`,
      "- WARNING: The evidence snapshot read the first 2000 sign-ins of more: Graph had more than it reads.",
    ]);
    // Accepted but never confirmed by a read is not "done".
    expect(steps).toContain("Enforce multi-factor authentication: accepted by Graph, not confirmed by a read yet");
    expect(text).toContain("9000 of 10000 users read (the first of more: the tenant has more) registered");
  });
});
