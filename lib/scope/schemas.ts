import { z } from "zod";
import { ZVersion } from "@/lib/validation/fields";

export const ZAddAffectedUserInput = z.object({
  ticketId: z.uuid(),
  upn: z.string().trim().toLowerCase().pipe(z.email("Enter the account's sign-in name (UPN).").max(320)),
});

export const ZCheckPrimaryAccountInput = z.object({ ticketId: z.uuid() });

const count = z.coerce
  .number({ error: "Enter a number." })
  .int("Whole numbers only.")
  .min(0, "Counts cannot be negative.")
  .max(10_000_000, "That is more than a trace can hold.");

/** A domain the trace did not find (or has not been run for yet), typed by the engineer. */
export const ZSaveRecipientDomainInput = z.object({
  ticketId: z.uuid(),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain such as gmail.com."),
  messageCount: count,
  recipientCount: count,
});

/** Every change to a listed domain names the version the engineer saw (optimistic locking). */
const ZDomainRef = z.object({ domainId: z.uuid(), version: ZVersion });

/** The engineer's counts for a listed domain; kept when the trace is run again. */
export const ZCorrectRecipientDomainInput = ZDomainRef.extend({ messageCount: count, recipientCount: count });
/** Drop the engineer's counts and show the trace's again. */
export const ZRevertRecipientDomainInput = ZDomainRef;
export const ZDeleteRecipientDomainInput = ZDomainRef;

export type TSaveRecipientDomain = z.output<typeof ZSaveRecipientDomainInput>;
export type TCorrectRecipientDomain = z.output<typeof ZCorrectRecipientDomainInput>;
export type TDomainRef = z.output<typeof ZDomainRef>;
