import { z } from "zod";

/** The client makes the key when the engineer opens the confirmation; a double submit reuses it. */
export const ZIdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[\w-]+$/);

export const ZRunContainmentInput = z.object({ ticketId: z.uuid(), idempotencyKey: ZIdempotencyKey });

export const ZRunStepInput = z.object({
  ticketId: z.uuid(),
  stepKey: z.enum([
    "reset-password",
    "enforce-mfa",
    "block-sign-in",
    "revoke-sessions",
    "remove-inbox-rules",
    "remove-auth-methods",
    "revoke-oauth-grants",
    "confirm-compromised",
    "re-enable-sign-in",
  ]),
  idempotencyKey: ZIdempotencyKey,
  params: z
    .object({
      ruleId: z.string().max(300).optional(),
      methodId: z.string().max(100).optional(),
      methodKind: z
        .string()
        .regex(/^[a-zA-Z0-9]+$/)
        .max(40)
        .optional(),
      grantId: z.string().max(200).optional(),
    })
    .optional(),
});

export const ZVerifyStepsInput = z.object({ ticketId: z.uuid(), mode: z.enum(["settle", "check"]) });

export const ZRecordManualStepInput = z
  .object({
    ticketId: z.uuid(),
    stepKey: z.string().min(1).max(60),
    state: z.enum(["DONE", "SKIPPED", "NOT_APPLICABLE"]),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.state === "DONE" || Boolean(v.note), { path: ["note"], message: "Say why the step is skipped or not applicable." });

export const ZDecideApprovalInput = z.object({
  approvalId: z.uuid(),
  decision: z.enum(["APPROVED", "REJECTED"]),
  reason: z.string().trim().max(1000).optional(),
});

/** A colleague's reveal names why (revealTemporaryPassword checks who needs one). */
export const ZRevealPasswordInput = z.object({
  passwordId: z.uuid(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});
