import "server-only";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";

/** The ticket's impact assessment as recorded so far, one row per assessed category. */
export async function listImpactAssessments(db: Db, viewer: Viewer, ticketId: string) {
  return db.impactAssessment.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    select: { category: true, level: true, notes: true },
  });
}
