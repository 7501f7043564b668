import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { containTicket } from "@/lib/remediation/mark-contained";

// A campaign incident is contained when every account it started (the selection) has all its
// steps accepted by Graph AND verified by a read of the tenant. Then the ticket moves to
// Contained through the status machine, as the single-account path does (containTicket), with
// its audit event. Runs in the transaction of the verification, with the ticket row locked, so two
// accounts settling at once cannot both miss the change.

export async function markCampaignContainedIfVerified(
  tx: Prisma.TransactionClient,
  ctx: { ticketId: string; actorId: string | null },
): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ctx.ticketId} FOR UPDATE`;
  const [started, open] = await Promise.all([
    tx.campaignAccount.count({ where: { ticketId: ctx.ticketId, steps: { some: { state: { not: "IDLE" } } } } }),
    tx.campaignStep.count({
      where: {
        ticketId: ctx.ticketId,
        account: { steps: { some: { state: { not: "IDLE" } } } },
        OR: [{ state: { not: "ACCEPTED" } }, { verified: { not: true } }, { verified: null }],
      },
    }),
  ]);
  if (started === 0 || open > 0) return false;
  return containTicket(tx, ctx, {
    reason: `Every account of the campaign (${started}) is contained and verified`,
    campaignAccounts: started,
  });
}
