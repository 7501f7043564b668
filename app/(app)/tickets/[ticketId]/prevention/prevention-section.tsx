import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { formatDueDate, toDateInput } from "@/lib/preventive/format";
import { getLatestMfaCheck, listPreventiveItems } from "@/lib/preventive/queries";
import { PREVENTIVE_STATUS_LABELS, type PreventiveStatus } from "@/lib/preventive/schemas";
import { ticketScopeFor } from "@/lib/tickets/scope";
import { AddItemForm } from "./add-item-form";
import { MfaCoverageCard } from "./mfa-coverage-card";
import { PreventiveItemForm } from "./preventive-item-form";

/** Stage 6: the seed's recommendations as follow-up items, and the tenant-wide MFA check. */
export async function PreventionSection({ ticketId }: { ticketId: string }) {
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const db = await getDb();
  const ticket = await db.ticket.findFirst({ where: { AND: [{ id: ticketId }, ticketScopeFor(viewer)] }, select: { id: true, tenantId: true, status: true } });
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
          {canWork ? (
            <>
              <ul className="space-y-3">
                {items.map((item) => (
                  // Keyed by id only: after a conflict the form stays mounted and keeps what was typed.
                  <li key={item.id}>
                    <PreventiveItemForm
                      item={{ ...item, dueAt: toDateInput(item.dueAt), updatedAt: item.updatedAt.toISOString() }}
                    />
                  </li>
                ))}
              </ul>
              <AddItemForm ticketId={ticket.id} />
            </>
          ) : (
            <Table>
              <TableCaption>Follow-up items</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Measure</TableHead>
                  <TableHead>Owner</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Due</TableHead>
                  <TableHead>Notes</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => (
                  <TableRow key={item.id}>
                    <TableCell>{item.title}</TableCell>
                    <TableCell>{item.owner ?? <span className="text-muted-foreground">Not assigned</span>}</TableCell>
                    <TableCell>
                      <Badge variant={item.status === "DONE" ? "success" : item.status === "IN_PROGRESS" ? "info" : "neutral"}>
                        {PREVENTIVE_STATUS_LABELS[item.status as PreventiveStatus] ?? item.status}
                      </Badge>
                    </TableCell>
                    <TableCell>{item.dueAt ? formatDueDate(item.dueAt) : "—"}</TableCell>
                    <TableCell className="whitespace-pre-wrap">{item.notes ?? ""}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
