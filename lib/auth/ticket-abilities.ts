import type { TicketStatus } from "@/generated/prisma/enums";
import { hasPermission, type Permission } from "./permissions";
import type { Viewer } from "./viewer";

/**
 * What the viewer may do on one ticket, decided once by the ticket page and handed to every
 * stage, so no component checks a permission itself. "…Now" also needs the ticket open: a closed
 * ticket is read-only until it is reopened (its outcome may still be revised, hence `work`).
 * The server actions check again; these only decide what the page offers.
 */
export function ticketAbilities(viewer: Pick<Viewer, "role">, ticket: { status: TicketStatus }) {
  const open = ticket.status !== "CLOSED";
  const can = (p: Permission) => hasPermission(viewer.role, p);
  return {
    work: can("tickets.work"),
    workNow: can("tickets.work") && open,
    assignNow: can("tickets.assign") && open,
    run: can("remediation.run"),
    runNow: can("remediation.run") && open,
    approve: can("remediation.approve"),
    writePublic: can("comments.writePublic"),
    writeInternal: can("comments.writeInternal"),
  };
}

export type TicketAbilities = ReturnType<typeof ticketAbilities>;
