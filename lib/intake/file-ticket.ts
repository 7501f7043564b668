import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { findOpenDuplicates } from "@/lib/tickets/queries";
import { intakeSchema } from "@/lib/tickets/schemas";
import { createTicket } from "./create-ticket";
import { accountListSchema, type TIntakeForm } from "./schemas";

export type FileTicketResult =
  | { status: "filed"; id: string; number: number }
  /** Open incidents for the same account: shown before filing; the reporter may file anyway. */
  | { status: "duplicates"; duplicates: { id: string; number: number; status: string }[] };

type FieldErrors = Record<string, string[]>;

/** The tenant the incident is filed in: the admin's own, or the one a platform admin chose. */
async function resolveTenant(db: Db, viewer: Viewer, tenantId: string | undefined, errors: FieldErrors) {
  const id = viewer.role === "TENANT_ADMIN" ? viewer.tenantId : tenantId?.trim();
  if (!id) {
    if (viewer.role === "TENANT_ADMIN") errors._form = ["Your account is not linked to a tenant. Ask a platform admin."];
    else errors.tenantId = ["Choose the tenant this incident belongs to."];
    return null;
  }
  const tenant = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.tenant.findUnique({ where: { id }, select: { id: true, primaryDomain: true, disconnectedAt: true } })
    : null;
  if (!tenant) {
    if (viewer.role === "TENANT_ADMIN") errors._form = ["Your account's tenant no longer exists. Ask a platform admin."];
    else errors.tenantId = ["That tenant does not exist."];
  } else if (tenant.disconnectedAt) {
    // Breachdesk no longer works in a disconnected tenant (lib/tenants/disconnect.ts).
    const why = "Breachdesk is disconnected from this tenant: connect Microsoft 365 again to file incidents.";
    if (viewer.role === "TENANT_ADMIN") errors._form = [why];
    else errors.tenantId = [why];
    return null;
  }
  return tenant;
}

/**
 * Files an incident from the intake form. Every field error comes back in one answer, the
 * account's tenant-domain check among them (AppError INVALID_INPUT with details.fieldErrors).
 * Unless the reporter chose to file anyway, open incidents for the same account are returned
 * instead of filing, so they can add to one of those. Other affected accounts named make it a
 * campaign incident; one account keeps the single-account path.
 */
export async function fileTicket(db: Db, viewer: Viewer, form: TIntakeForm): Promise<FileTicketResult> {
  assertCan(viewer, "tickets.create");
  const errors: FieldErrors = {};
  const tenant = await resolveTenant(db, viewer, form.tenantId, errors);
  const { otherAccounts = "", ...ticketForm } = form;
  const parsed = intakeSchema({ primaryDomain: tenant?.primaryDomain }).safeParse(ticketForm);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "_form");
      // A tenant already refused above says it once.
      if (!errors[field]?.length || field !== "tenantId") (errors[field] ??= []).push(issue.message);
    }
  }
  // The other accounts of a campaign: a message per bad line, in the same answer as the rest.
  const others = accountListSchema(tenant?.primaryDomain).safeParse(otherAccounts);
  if (!others.success) errors.otherAccounts = others.error.issues.map((i) => i.message);
  if (!tenant || !parsed.success || !others.success || Object.keys(errors).length > 0) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: errors });
  }
  const { fileAnyway, ...input } = parsed.data;
  if (!fileAnyway) {
    const duplicates = await findOpenDuplicates(db, viewer, { tenantId: tenant.id, affectedUpn: input.affectedUpn });
    if (duplicates.length > 0) return { status: "duplicates", duplicates };
  }
  // More than one account: a campaign incident holding them all (the reported account first).
  const accounts = [...new Set([input.affectedUpn, ...others.data])];
  const ticket = await createTicket(db, viewer, { ...input, tenantId: tenant.id }, accounts.length > 1 ? accounts : []);
  return { status: "filed", ...ticket };
}
