import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { getScope } from "@/lib/scope/queries";
import { AddAffectedUserForm, SaveDomainForm } from "./scope-forms";

/** Stage 2: affected accounts and the recipients of the unauthorized mail, by domain. */
export async function ScopeSection({ db, viewer, ticketId, primaryUpn }: { db: Db; viewer: Viewer; ticketId: string; primaryUpn: string }) {
  const { users, domains } = await getScope(db, viewer, ticketId);
  const canWork = hasPermission(viewer.role, "tickets.work");
  const external = domains.filter((d) => !d.isInternal);
  return (
    <Card>
      <CardHeader><CardTitle className="text-base">User affected and scope</CardTitle></CardHeader>
      <CardContent className="space-y-4">
        <div className="space-y-2 text-sm">
          <p><span className="font-mono">{primaryUpn}</span> <Badge>Primary</Badge></p>
          {users.filter((u) => u.upn !== primaryUpn).map((u) => (
            <p key={u.id}><span className="font-mono">{u.upn}</span> {u.displayName && <span className="text-muted-foreground">({u.displayName})</span>} <Badge variant="success">In tenant</Badge></p>
          ))}
          {canWork && <AddAffectedUserForm ticketId={ticketId} />}
        </div>
        <Table>
          <TableCaption>
            Recipients of the unauthorized mail: {external.reduce((n, d) => n + d.recipientCount, 0)} external recipients in {external.length} domains.
          </TableCaption>
          <TableHeader><TableRow><TableHead>Domain</TableHead><TableHead>Kind</TableHead><TableHead className="text-right">Messages</TableHead><TableHead className="text-right">Recipients</TableHead><TableHead>Source</TableHead></TableRow></TableHeader>
          <TableBody>
            {domains.length === 0 ? (
              <TableRow><TableCell colSpan={5} className="text-muted-foreground">None yet: run the message trace (Resolution) or add a domain.</TableCell></TableRow>
            ) : domains.map((d) => (
              <TableRow key={d.id}>
                <TableCell className="font-medium">{d.domain}</TableCell>
                <TableCell>{d.isInternal ? "Internal" : "External"}</TableCell>
                <TableCell className="text-right">{d.messageCount}</TableCell>
                <TableCell className="text-right">{d.recipientCount}</TableCell>
                <TableCell className="text-xs">{d.source === "TRACE" ? "Message trace" : "Entered by hand"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {canWork && <SaveDomainForm ticketId={ticketId} />}
      </CardContent>
    </Card>
  );
}
