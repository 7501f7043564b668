import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { findOpenDuplicates } from "@/lib/tickets/queries";
import { intakeSchema, type TCreateTicketForm } from "@/lib/tickets/schemas";
import { createTicket } from "./create-ticket";

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
 * instead of filing, so they can add to one of those.
 */
export async function fileTicket(db: Db, viewer: Viewer, form: TCreateTicketForm): Promise<FileTicketResult> {
  assertCan(viewer, "tickets.create");
  const errors: FieldErrors = {};
  const tenant = await resolveTenant(db, viewer, form.tenantId, errors);
  const parsed = intakeSchema({ primaryDomain: tenant?.primaryDomain }).safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "_form");
      // A tenant already refused above says it once.
      if (!errors[field]?.length || field !== "tenantId") (errors[field] ??= []).push(issue.message);
    }
  }
  if (!tenant || !parsed.success || Object.keys(errors).length > 0) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: errors });
  }
  const { fileAnyway, ...input } = parsed.data;
  if (!fileAnyway) {
    const duplicates = await findOpenDuplicates(db, viewer, { tenantId: tenant.id, affectedUpn: input.affectedUpn });
    if (duplicates.length > 0) return { status: "duplicates", duplicates };
  }
  const ticket = await createTicket(db, viewer, { ...input, tenantId: tenant.id });
  return { status: "filed", ...ticket };
}
