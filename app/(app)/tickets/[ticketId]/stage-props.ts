import type { TicketAbilities } from "@/lib/auth/ticket-abilities";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { TicketDetail } from "@/lib/tickets/queries";

/**
 * What every stage receives from the ticket page, which resolves them once: the viewer, the
 * ticket it may see, what it may do there, and the client the stage's domain queries read with.
 * A stage reads through its domain's queries only: no Prisma call, no permission check.
 */
export type StageProps = { db: Db; viewer: Viewer; ticket: TicketDetail; can: TicketAbilities };
