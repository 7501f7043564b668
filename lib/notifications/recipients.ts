import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { KIND_ROLES, type NotificationKind } from "./kinds";

// Who is told about an event: the kind's audience, narrowed to active people who may see the
// ticket (the same rule as lib/tickets/scope.ts, from the user's side) and never the actor.

/** Active users who may read a ticket of this tenant. */
export function mayViewTicketOf(tenantId: string): Prisma.UserWhereInput {
  return {
    isActive: true,
    OR: [
      { role: "TENANT_ADMIN", tenantId },
      { role: { in: ["MANAGER", "PLATFORM_ADMIN"] } },
      { role: "ENGINEER", OR: [{ servesAllTenants: true }, { servedTenants: { some: { tenantId } } }] },
    ],
  };
}

export type AudienceContext = {
  tenantId: string;
  assigneeId: string | null;
  actorId: string | null;
  actorRole: Role | null;
  assignedToId?: string | null;
};

const NOBODY: Prisma.UserWhereInput = { id: { in: [] } };
const byId = (id: string | null | undefined): Prisma.UserWhereInput => (id ? { id } : NOBODY);

/** The kind's audience before scope: tenant admins, the assignee, managers, or those who may approve. */
function audienceOf(kind: NotificationKind, c: AudienceContext): Prisma.UserWhereInput {
  const tenantAdmins: Prisma.UserWhereInput = { role: "TENANT_ADMIN", tenantId: c.tenantId };
  switch (kind) {
    case "ticket.picked-up":
    case "ticket.contained":
    case "ticket.resolved":
      return tenantAdmins;
    case "ticket.assigned":
      return byId(c.assignedToId);
    // The customer's reply goes to the engineer working it; the engineer's to the customer.
    case "ticket.public-update":
      return c.actorRole === "TENANT_ADMIN" ? byId(c.assigneeId) : tenantAdmins;
    case "report.approved":
      return { OR: [tenantAdmins, byId(c.assigneeId)] };
    case "report.returned":
      return byId(c.assigneeId);
    case "report.submitted":
      return { role: "MANAGER" };
    // Anyone who may decide (lib/remediation/approval-rules.ts canDecide): the tenant's admins and engineers.
    case "approval.requested":
      return { OR: [tenantAdmins, { role: "ENGINEER" }] };
  }
}

export function recipientsWhere(kind: NotificationKind, c: AudienceContext): Prisma.UserWhereInput {
  return {
    AND: [
      audienceOf(kind, c),
      mayViewTicketOf(c.tenantId),
      { role: { in: [...KIND_ROLES[kind]] } },
      ...(c.actorId ? [{ id: { not: c.actorId } }] : []),
    ],
  };
}
