import { z } from "zod";

export const ADVISORY_STATUSES = ["DRAFTED", "SENT", "ACKNOWLEDGED"] as const;
export type AdvisoryStatus = (typeof ADVISORY_STATUSES)[number];

const MAX_RECIPIENTS = 20;
const emailCheck = z.email();

/** "a@x.com, b@x.com" or one per line → lower-case addresses; the error names the bad one. */
const addressList = z.string().transform((raw, ctx) => {
  const parts = raw
    .split(/[\s,;]+/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(parts)];
  if (unique.length === 0) {
    ctx.addIssue({ code: "custom", message: "Enter at least one address of the domain's administrators." });
    return z.NEVER;
  }
  if (unique.length > MAX_RECIPIENTS) {
    ctx.addIssue({ code: "custom", message: `Send to at most ${MAX_RECIPIENTS} addresses.` });
    return z.NEVER;
  }
  const bad = unique.find((a) => !emailCheck.safeParse(a).success);
  if (bad) {
    ctx.addIssue({ code: "custom", message: `"${bad}" is not an email address.` });
    return z.NEVER;
  }
  return unique;
});

export const ZDraftAdvisoriesInput = z.object({ ticketId: z.uuid() });
export type TDraftAdvisoriesInput = z.input<typeof ZDraftAdvisoriesInput>;

/** Any change to one advisory names the version the engineer saw (optimistic locking). */
const ZAdvisoryRef = z.object({ advisoryId: z.uuid(), version: z.int().positive() });
export type TAdvisoryRef = z.output<typeof ZAdvisoryRef>;

export const ZRedraftAdvisoryInput = ZAdvisoryRef;
/** resendAfterUnknown: the engineer checked that an unknown send did not go out, and sends again knowingly. */
export const ZSendAdvisoryInput = ZAdvisoryRef.extend({ resendAfterUnknown: z.boolean().optional() });
/** The tenant's advisory allow-list: addresses or @domains, one per line or comma-separated. */
export const ZAdvisoryAllowListInput = z.object({
  tenantId: z.uuid(),
  entries: z
    .string()
    .max(5_000)
    .transform((raw, ctx) => {
      const parts = [
        ...new Set(
          raw
            .split(/[\s,;]+/)
            .map((p) => p.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      const bad = parts.find((p) => !(p.startsWith("@") ? /^@[a-z0-9.-]+\.[a-z]{2,}$/.test(p) : emailCheck.safeParse(p).success));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is neither an address nor an @domain.` });
        return z.NEVER;
      }
      if (parts.length > 100) {
        ctx.addIssue({ code: "custom", message: "Keep the list to 100 entries." });
        return z.NEVER;
      }
      return parts;
    }),
});
export const ZMarkAdvisorySentInput = ZAdvisoryRef;
/** Who at the recipient domain confirmed (optional): the engineer who records it is always kept. */
export const ZAcknowledgeAdvisoryInput = ZAdvisoryRef.extend({
  acknowledgedFrom: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(200, "Keep this under 200 characters.").optional(),
  ),
});
export type TAcknowledgeAdvisory = z.output<typeof ZAcknowledgeAdvisoryInput>;

export const ZUpdateAdvisoryInput = ZAdvisoryRef.extend({
  toAddresses: addressList,
  subject: z.string().trim().min(1, "Enter a subject.").max(255, "Keep the subject under 255 characters."),
  body: z.string().trim().min(1, "The advisory needs a body.").max(20_000, "Keep the advisory under 20,000 characters."),
});

export type TUpdateAdvisoryInput = z.input<typeof ZUpdateAdvisoryInput>;
export type TUpdateAdvisory = z.output<typeof ZUpdateAdvisoryInput>;
