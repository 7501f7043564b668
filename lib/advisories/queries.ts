import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { tenantAccessFor, ticketAccessFor } from "@/lib/auth/ticket-access";
import { notFoundError } from "@/lib/errors";
import { advisoryFields } from "./advisory-select";

export async function listAdvisories(db: Db, viewer: Viewer, ticketId: string) {
  const rows = await db.advisory.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: [{ createdAt: "asc" }, { domain: "asc" }],
    select: {
      ...advisoryFields,
      sentById: true,
      requestId: true,
      acknowledgedAt: true,
      acknowledgedById: true,
      acknowledgedFrom: true,
      draftedSubject: true,
      draftedBody: true,
    },
  });
  const senderIds = [...new Set(rows.flatMap((r) => [r.sentById, r.acknowledgedById]).filter((id): id is string => Boolean(id)))];
  const [senders, sendEvents] = await Promise.all([
    senderIds.length ? db.user.findMany({ where: { id: { in: senderIds } }, select: { id: true, name: true } }) : [],
    // How each was sent (Graph or copied by hand) is recorded on its audit event.
    rows.some((r) => r.sentById)
      ? db.auditEvent.findMany({
          where: { ticketId, action: "advisory.sent", result: "SUCCEEDED" },
          orderBy: { seq: "asc" },
          select: { target: true, details: true },
        })
      : [],
  ]);
  const names = new Map(senders.map((u) => [u.id, u.name]));
  const via = new Map(sendEvents.map((e) => [e.target, (e.details as { via?: string } | null)?.via === "graph" ? "graph" : "copy"]));
  return rows.map(({ sentById, acknowledgedById, draftedSubject, draftedBody, ...r }) => ({
    ...r,
    // What Breachdesk drafted, when an engineer changed it since (shown to everyone, the tenant's admin included).
    drafted:
      draftedBody !== null && (draftedSubject !== r.subject || draftedBody !== r.body)
        ? { subject: draftedSubject ?? "", body: draftedBody }
        : null,
    sentByName: sentById ? (names.get(sentById) ?? null) : null,
    acknowledgedByName: acknowledgedById ? (names.get(acknowledgedById) ?? null) : null,
    sentVia: r.sentAt ? ((via.get(r.domain) ?? null) as "graph" | "copy" | null) : null,
  }));
}

export type AdvisoryRow = Awaited<ReturnType<typeof listAdvisories>>[number];

/** The recovery steps of the checklist (owned by the checklist stage) shown beside the resolution. */
export const RECOVERY_STEP_KEYS = ["re-enable-sign-in", "release-restricted-sender"] as const;

/** Who keeps a tenant's advisory allow-list: its own admin, or a platform admin. */
export function mayKeepAllowList(viewer: Viewer, tenantId: string) {
  return viewer.role === "PLATFORM_ADMIN" || (viewer.role === "TENANT_ADMIN" && viewer.tenantId === tenantId);
}

/** The tenant's advisory allow-list, for those who keep it; anyone else is told "not found". */
export async function getAdvisoryAllowList(db: Db, viewer: Viewer, tenantId: string): Promise<string[]> {
  if (!mayKeepAllowList(viewer, tenantId)) throw notFoundError("Tenant");
  const tenant = await db.tenant.findFirst({
    where: { AND: [{ id: tenantId }, tenantAccessFor(viewer)] },
    select: { advisoryAllowList: true },
  });
  if (!tenant) throw notFoundError("Tenant");
  return tenant.advisoryAllowList;
}
