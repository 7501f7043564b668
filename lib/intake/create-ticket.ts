import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import { addAccountsToTicket } from "@/lib/campaigns/service";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { addSeedRecommendations } from "@/lib/preventive/recommendations";
import { formatTicketNumber } from "@/lib/tickets/format";
import type { TCreateTicket } from "@/lib/tickets/schemas";
import { SYMPTOMS } from "@/lib/tickets/symptoms";
import { isInTenantDomain } from "@/lib/tickets/tenant-domain";

// Filing touches several domains (the ticket, its scope, the preventive checklist), so it lives
// above the ticket core, which imports no other domain.

/** campaignAccounts: every affected account of a campaign incident (the reported one among them); [] for one account. */
export async function createTicket(db: Db, viewer: Viewer, input: Omit<TCreateTicket, "fileAnyway">, campaignAccounts: string[] = []) {
  assertCan(viewer, "tickets.create");
  const tenantId = viewer.role === "TENANT_ADMIN" ? viewer.tenantId : input.tenantId;
  if (!tenantId) throw new AppError("INVALID_INPUT", "Choose the tenant this incident belongs to.", { field: "tenantId" });
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, primaryDomain: true } });
  if (!tenant) throw new AppError("INVALID_INPUT", "That tenant does not exist.", { field: "tenantId" });
  if (!isInTenantDomain(input.affectedUpn, tenant.primaryDomain)) {
    throw new AppError("INVALID_INPUT", `The account must be in your tenant's domain (${tenant.primaryDomain}).`, {
      field: "affectedUpn",
    });
  }
  const foreign = campaignAccounts.find((upn) => !isInTenantDomain(upn, tenant.primaryDomain));
  if (foreign)
    throw new AppError("INVALID_INPUT", `${foreign} is not in your tenant's domain (${tenant.primaryDomain}).`, { field: "otherAccounts" });
  const campaign = campaignAccounts.length > 1;
  const title =
    input.title ??
    (campaign ? `Campaign: ${campaignAccounts.length} accounts — ${input.affectedUpn}` : `Compromised account: ${input.affectedUpn}`);
  return db.$transaction(
    async (tx) => {
      const ticket = await tx.ticket.create({
        data: {
          tenantId: tenant.id,
          title,
          affectedUpn: input.affectedUpn,
          symptoms: input.symptoms,
          symptomsNote: input.symptomsNote,
          detectedAt: input.detectedAt,
          severity: input.severity,
          reporterId: viewer.id,
        },
        select: { id: true, number: true },
      });
      // The primary account is in scope from the start; whether the tenant has it is checked
      // after filing (lib/scope verifyPrimaryAccount), so filing never waits on Graph.
      await tx.affectedUser.create({ data: { ticketId: ticket.id, upn: input.affectedUpn, isPrimary: true, addedById: viewer.id } });
      if (campaign) await addAccountsToTicket(tx, { id: ticket.id, tenantId: tenant.id }, campaignAccounts, "INTAKE");
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        tenantId: tenant.id,
        ticketId: ticket.id,
        action: "ticket.created",
        target: formatTicketNumber(ticket.number),
        details: {
          severity: input.severity,
          symptoms: input.symptoms.map((s) => SYMPTOMS[s]),
          ...(campaign ? { accounts: campaignAccounts.length } : {}),
        },
      });
      await addSeedRecommendations(tx, { id: ticket.id, tenantId: tenant.id }, viewer.id);
      return ticket;
    },
    // A campaign of thousands of accounts writes a row and its steps per account.
    { timeout: 60_000 },
  );
}
