import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getLatestMfaCheck, listPreventiveItems } from "@/lib/preventive/queries";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { AddItemForm } from "./add-item-form";
import { MfaCoverageCard } from "./mfa-coverage-card";
import { PreventiveItemsTable } from "./preventive-items-table";

/** Stage 6: the seed's recommendations as follow-up items, and the tenant-wide MFA check. */
export async function PreventionSection({ ticketId }: { ticketId: string }) {
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const db = await getDb();
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId }, ticketAccessFor(viewer)] }, select: { id: true, tenantId: true, status: true } });
  if (!ticket) notFound();
  // A closed ticket is read-only here: reopening is the way back to work on it.
  const canWork = hasPermission(viewer.role, "tickets.work") && ticket.status !== "CLOSED";
  const [items, latest] = await Promise.all([listPreventiveItems(db, viewer, ticket.id), getLatestMfaCheck(db, viewer, ticket)]);

  return (
    <section aria-labelledby="prevention-heading" className="space-y-6">
      <h2 id="prevention-heading" className="text-base font-semibold">Preventive measures</h2>
      <MfaCoverageCard ticketId={ticket.id} latest={latest} canWork={canWork} />
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Follow-up items</CardTitle>
          <CardDescription>The incident report&apos;s recommendations and any others, each with an owner, a status and a due date.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <PreventiveItemsTable items={items} canWork={canWork} />
          {canWork && <AddItemForm ticketId={ticket.id} />}
        </CardContent>
      </Card>
    </section>
  );
}
