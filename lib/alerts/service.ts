import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { tenantAccessFor } from "@/lib/auth/ticket-access";
import { openAlertTicket, openTicketsByAccount } from "./open-tickets";
import { highest } from "./plan";

// What engineers and admins do with alerts: accept the suggested ones (one ticket, a campaign
// when they name several accounts), dismiss them, and choose a tenant's mode.

async function pendingOf(db: Db, viewer: Viewer, tenantId: string, alertIds: string[]) {
  const tenant = await db.tenant.findFirst({
    where: { AND: [{ id: tenantId }, tenantAccessFor(viewer)] },
    select: { id: true, disconnectedAt: true },
  });
  if (!tenant) throw notFoundError();
  const alerts = await db.tenantAlert.findMany({
    where: { tenantId, status: "SUGGESTED", ticketId: null, ...(alertIds.length ? { id: { in: alertIds } } : {}) },
    orderBy: { raisedAt: "asc" },
  });
  if (alerts.length === 0) throw new AppError("INVALID_STATE", "These alerts were already handled.");
  return { tenant, alerts };
}

/** Opens one ticket for the suggested alerts chosen (all of the tenant's when none named); the engineer is its reporter. */
export async function acceptAlertSuggestions(db: Db, viewer: Viewer, input: { tenantId: string; alertIds: string[] }) {
  assertCan(viewer, "tickets.work");
  const { tenant, alerts } = await pendingOf(db, viewer, input.tenantId, input.alertIds);
  if (tenant.disconnectedAt) throw new AppError("INVALID_STATE", "Breachdesk is disconnected from this tenant.");
  const upns = [...new Set(alerts.map((a) => a.upn))];
  // An account that got an open ticket meanwhile keeps its own; the rest open one ticket.
  const open = await openTicketsByAccount(db, tenant.id, upns);
  const rest = upns.filter((u) => !open.has(u));
  if (rest.length === 0)
    throw new AppError("INVALID_STATE", "Every account named already has an open ticket; the alerts are added there at the next poll.");
  const ids = alerts.filter((a) => rest.includes(a.upn)).map((a) => a.id);
  const title = rest.length > 1 ? `Campaign: ${rest.length} accounts — ${alerts[0]!.title}` : `${alerts[0]!.title}: ${rest[0]}`;
  return openAlertTicket(
    db,
    tenant.id,
    { upns: rest, alertIds: ids, severity: highest(alerts.map((a) => a.severity)), detectedAt: alerts[0]!.raisedAt, title },
    viewer.id,
  );
}

export async function dismissAlertSuggestions(db: Db, viewer: Viewer, input: { tenantId: string; alertIds: string[] }) {
  assertCan(viewer, "tickets.work");
  const { tenant, alerts } = await pendingOf(db, viewer, input.tenantId, input.alertIds);
  return db.$transaction(async (tx) => {
    const { count } = await tx.tenantAlert.updateMany({
      where: { id: { in: alerts.map((a) => a.id) }, status: "SUGGESTED" },
      data: { status: "DISMISSED" },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      action: "alert.dismissed",
      result: "SUCCEEDED",
      details: { alerts: count },
    });
    return { dismissed: count };
  });
}

export async function setAlertMode(db: Db, viewer: Viewer, input: { tenantId: string; mode: "AUTOMATIC" | "SUGGEST" | "OFF" }) {
  assertCan(viewer, "tenants.manage");
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
  if (!tenant) throw notFoundError();
  await db.$transaction(async (tx) => {
    await tx.tenantAlertSetting.upsert({
      where: { tenantId: tenant.id },
      create: { tenantId: tenant.id, mode: input.mode },
      update: { mode: input.mode },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      tenantId: tenant.id,
      action: "tenant.alert_mode_set",
      result: "SUCCEEDED",
      details: { mode: input.mode },
    });
  });
  return { mode: input.mode };
}
