import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError, toUserMessage } from "@/lib/errors";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser, type GraphUser } from "@/lib/graph/users";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// Stage 2, the accounts: the primary one (checked against the tenant after filing, and again on
// request) and others found later (added only if the tenant has them).

export type TenantCheck = { tenantCheck: "FOUND" | "NOT_FOUND" | "FAILED"; reason: string | null; user: GraphUser | null };

/** Looks the account up in the tenant; a failure is a result ("could not check"), never a throw. */
export async function checkAccountInTenant(db: Db, tenantId: string, upn: string, graph?: TenantGraph): Promise<TenantCheck> {
  try {
    const user = await getUser(graph ?? (await getTenantGraph(db, tenantId)), upn);
    return user ? { tenantCheck: "FOUND", reason: null, user } : { tenantCheck: "NOT_FOUND", reason: null, user: null };
  } catch (error) {
    return { tenantCheck: "FAILED", reason: toUserMessage(error), user: null };
  }
}

type PrimaryTicket = { id: string; number: number; tenantId: string; affectedUpn: string };

async function recordPrimaryCheck(db: Db, ticket: PrimaryTicket, actorId: string | null, graph?: TenantGraph) {
  const check = await checkAccountInTenant(db, ticket.tenantId, ticket.affectedUpn, graph);
  const result = {
    tenantCheck: check.tenantCheck,
    tenantCheckReason: check.reason,
    checkedAt: new Date(),
    // What an earlier check found stays when this one could not run.
    ...(check.tenantCheck === "FAILED" ? {} : { objectId: check.user?.id ?? null, displayName: check.user?.displayName ?? null }),
  };
  await db.$transaction(async (tx) => {
    await tx.affectedUser.upsert({
      where: { ticketId_upn: { ticketId: ticket.id, upn: ticket.affectedUpn } },
      create: { ticketId: ticket.id, upn: ticket.affectedUpn, isPrimary: true, addedById: actorId, ...result },
      update: { isPrimary: true, ...result },
    });
    await recordAuditEvent(tx, {
      actorId,
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      action: "scope.primary_checked",
      target: ticket.affectedUpn,
      result: check.tenantCheck === "FAILED" ? "FAILED" : "SUCCEEDED",
      details: { tenantCheck: check.tenantCheck, reason: check.reason },
    });
  });
  return { tenantCheck: check.tenantCheck, reason: check.reason };
}

/**
 * Right after filing (the reporter does not wait for it, and filing never depends on Graph):
 * is the primary account one of the tenant's? Runs as the system, for the ticket just created.
 */
export async function verifyPrimaryAccount(db: Db, ticketId: string, deps: { graph?: TenantGraph } = {}) {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { id: true, number: true, tenantId: true, affectedUpn: true },
  });
  if (!ticket) throw notFoundError();
  return recordPrimaryCheck(db, ticket, null, deps.graph);
}

/** The engineer checks the primary account again (e.g. after "could not check"). */
export async function recheckPrimaryAccount(db: Db, viewer: Viewer, input: { ticketId: string }, deps: { graph?: TenantGraph } = {}) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "check the account", { affectedUpn: true });
  return recordPrimaryCheck(db, ticket, viewer.id, deps.graph);
}

export async function addAffectedUser(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; upn: string },
  deps: { graph?: TenantGraph } = {},
) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "change the scope", { affectedUpn: true });
  if (input.upn === ticket.affectedUpn)
    throw new AppError("INVALID_INPUT", "This is the primary affected account: it is already in scope.", { field: "upn" });
  if (await db.affectedUser.findUnique({ where: { ticketId_upn: { ticketId: ticket.id, upn: input.upn } } })) {
    throw new AppError("INVALID_INPUT", "This account is already in scope.", { field: "upn" });
  }
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const user = await getUser(graph, input.upn);
  if (!user) throw new AppError("INVALID_INPUT", `${input.upn} is not an account of this tenant.`, { field: "upn" });
  try {
    await db.$transaction(async (tx) => {
      await tx.affectedUser.create({
        data: {
          ticketId: ticket.id,
          upn: input.upn,
          displayName: user.displayName,
          objectId: user.id,
          isPrimary: false,
          addedById: viewer.id,
          tenantCheck: "FOUND",
          checkedAt: new Date(),
        },
      });
      await recordTicketEvent(tx, viewer.id, ticket, { action: "scope.user_added", details: { upn: input.upn } });
    });
  } catch (error) {
    // Another engineer added the same account a moment earlier.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("INVALID_INPUT", "This account is already in scope.", { field: "upn" });
    throw error;
  }
}
