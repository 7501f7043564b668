import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record";

// The seed report's preventive measures (section 6): every new ticket starts with them as
// follow-up items, filed in the same transaction. Engineers edit them like any other item.
export const SEED_RECOMMENDATIONS = [
  "Enforce MFA for all users without exception",
  "Regularly review and update security protocols",
  "Conduct frequent security training sessions",
  "Implement Microsoft Defender for Office 365",
] as const;

/** The rows; distinct createdAt values keep the seed's order when listed by creation time. */
export function recommendationRows(ticketId: string, at = new Date()) {
  return SEED_RECOMMENDATIONS.map((title, i) => ({ ticketId, title, createdAt: new Date(at.getTime() + i) }));
}

export const RECOMMENDED_ACTION = "preventive.recommended";

export async function addSeedRecommendations(
  tx: Prisma.TransactionClient,
  ticket: { id: string; tenantId: string },
  actorId: string | null,
) {
  await tx.preventiveItem.createMany({ data: recommendationRows(ticket.id) });
  await recordAuditEvent(tx, {
    actorId,
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    action: RECOMMENDED_ACTION,
    details: { titles: [...SEED_RECOMMENDATIONS] },
  });
}
