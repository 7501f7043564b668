import { z } from "zod";

// Input of the campaign actions: the single source of truth for the forms and the server.

export const MAX_ACCOUNTS_PER_ADD = 5_000;

/** The Approval.stepKey of a campaign selection's approval (approval.ts). */
export const CAMPAIGN_APPROVAL_STEP = "campaign-containment";

export const ZAddCampaignAccountsInput = z.object({
  ticketId: z.uuid(),
  /** A pasted list, or the text of an uploaded CSV file. */
  accounts: z
    .string()
    .trim()
    .min(1, "Paste at least one account, or choose a CSV file.")
    .max(1_000_000, "That list is too long (1 MB at most)."),
  source: z.enum(["PASTE", "CSV"]),
});

export const ZCampaignTicketInput = z.object({ ticketId: z.uuid() });

export const ZStartCampaignInput = z.object({
  ticketId: z.uuid(),
  /** A selection; empty = every account not yet started. */
  accountIds: z.array(z.uuid()).max(MAX_ACCOUNTS_PER_ADD).default([]),
});

export const ZRevealCampaignPasswordsInput = z.object({
  ticketId: z.uuid(),
  /** Needed when some of the passwords are a colleague's (audited). */
  reason: z.string().trim().max(500).optional(),
});

export type AddCampaignAccountsInput = z.infer<typeof ZAddCampaignAccountsInput>;
export type StartCampaignInput = z.input<typeof ZStartCampaignInput>;
