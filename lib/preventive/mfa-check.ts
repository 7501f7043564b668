import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { listUserRegistrationDetails } from "@/lib/graph/registration";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { summariseMfaCoverage } from "./mfa-coverage";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

/** Runs the tenant-wide MFA registration report (Graph) and records its numbers on the ticket. */
export async function checkMfaCoverage(db: Db, viewer: Viewer, input: { ticketId: string }) {
  assertCan(viewer, "tickets.work");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "check MFA coverage");
  const audit = { actorId: viewer.id, tenantId: ticket.tenantId, ticketId: ticket.id, action: "mfa-coverage.checked", target: "tenant" };
  let result: Awaited<ReturnType<typeof listUserRegistrationDetails>>;
  try {
    result = await listUserRegistrationDetails(await getTenantGraph(db, ticket.tenantId));
  } catch (error) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { ...audit, result: "FAILED", details: { error: isAppError(error) ? error.code : "UNEXPECTED" } }),
    );
    throw error;
  }
  const coverage = summariseMfaCoverage(result.users);
  return db.$transaction(async (tx) => {
    const check = await tx.mfaCoverageCheck.create({
      data: {
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        checkedById: viewer.id,
        totalUsers: coverage.totalUsers,
        mfaRegistered: coverage.mfaRegistered,
        mfaCapable: coverage.mfaCapable,
        adminsWithoutMfa: coverage.adminsWithoutMfa,
        usersWithoutMfa: coverage.usersWithoutMfa as unknown as Prisma.InputJsonValue,
        requestId: result.requestIds[0] ?? null,
        truncated: result.truncated,
      },
      select: { id: true, checkedAt: true },
    });
    const { usersWithoutMfa, ...numbers } = coverage;
    await recordAuditEvent(tx, {
      ...audit,
      details: { checkId: check.id, ...numbers, usersWithoutMfa: usersWithoutMfa.length, truncated: result.truncated },
      requestIds: result.requestIds.slice(0, 20),
    });
    return { ...check, ...numbers, truncated: result.truncated };
  });
}
