import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { UserWithoutMfa } from "./mfa-coverage";

export async function listPreventiveItems(db: Db, viewer: Viewer, ticketId: string) {
  return db.preventiveItem.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, owner: true, status: true, dueAt: true, notes: true, updatedAt: true },
  });
}

export type PreventiveItemRow = Awaited<ReturnType<typeof listPreventiveItems>>[number];

/**
 * The latest MFA registration check of the ticket's tenant (coverage is tenant-wide, so a check
 * made on another of the tenant's tickets counts), with who ran it.
 */
export async function getLatestMfaCheck(db: Db, viewer: Viewer, ticket: { id: string; tenantId: string }) {
  const check = await db.mfaCoverageCheck.findFirst({
    where: { tenantId: ticket.tenantId, tenant: { tickets: { some: { AND: [{ id: ticket.id }, ticketAccessFor(viewer)] } } } },
    orderBy: { checkedAt: "desc" },
  });
  if (!check) return null;
  const by = check.checkedById ? await db.user.findUnique({ where: { id: check.checkedById }, select: { name: true } }) : null;
  return {
    ...check,
    usersWithoutMfa: (Array.isArray(check.usersWithoutMfa) ? check.usersWithoutMfa : []) as unknown as UserWithoutMfa[],
    checkedByName: by?.name ?? null,
    isFromThisTicket: check.ticketId === ticket.id,
  };
}

export type LatestMfaCheck = NonNullable<Awaited<ReturnType<typeof getLatestMfaCheck>>>;
