import { z } from "zod";

export const ZAddAffectedUserInput = z.object({
  ticketId: z.uuid(),
  upn: z.string().trim().toLowerCase().pipe(z.email("Enter the account's sign-in name (UPN).").max(320)),
});

export const ZSaveRecipientDomainInput = z.object({
  ticketId: z.uuid(),
  domain: z.string().trim().toLowerCase().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain such as gmail.com."),
  messageCount: z.coerce.number().int("Whole numbers only.").min(0).max(10_000_000),
  recipientCount: z.coerce.number().int("Whole numbers only.").min(0).max(10_000_000),
});
