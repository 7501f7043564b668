import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { getScope, type ScopeDomain } from "@/lib/scope/queries";
import { formatDateTime } from "@/lib/utils/dates";
import type { StageProps } from "../stage-props";
import { DomainRowControls } from "./domain-row-controls";
import { AddAffectedUserForm, RecheckPrimaryButton, SaveDomainForm } from "./scope-forms";

type Check = { tenantCheck: string | null; tenantCheckReason: string | null; checkedAt: Date | null };

/** Whether the tenant has the account, in words (the badge repeats it, never colour alone). */
function TenantCheckText({ check }: { check: Check | undefined }) {
  const when = check?.checkedAt ? ` (${formatDateTime(check.checkedAt)})` : "";
  if (check?.tenantCheck === "FOUND")
    return (
      <Badge variant="success" title={`Checked through Microsoft Graph${when}`}>
        verified in tenant
      </Badge>
    );
  if (check?.tenantCheck === "NOT_FOUND")
    return (
      <Badge variant="danger" title={`Checked through Microsoft Graph${when}`}>
        not found in tenant
      </Badge>
    );
  if (check?.tenantCheck === "FAILED")
    return <Badge variant="warning">could not check: {check.tenantCheckReason ?? "Microsoft Graph did not answer"}</Badge>;
  return <Badge variant="neutral">not checked yet</Badge>;
}

/** The counts as shown: the engineer's where they corrected the trace, with the trace's beside them. */
function CountCell({ value, trace, manual }: { value: number; trace: number | null; manual: number | null }) {
  return (
    <TableCell className="text-right">
      {value}
      {manual !== null && (
        <span className="block text-xs text-muted-foreground">
          {trace === null ? "typed by an engineer" : `engineer's value (trace: ${trace})`}
        </span>
      )}
    </TableCell>
  );
}

function sourceText(d: ScopeDomain): string {
  const edited = d.manualMessageCount !== null || d.manualRecipientCount !== null;
  if (d.source === "TRACE")
    return edited ? `Message trace, corrected by hand${d.editedAt ? ` ${formatDateTime(d.editedAt)}` : ""}` : "Message trace";
  return d.traceMessageCount !== null ? "Added by hand, also in the trace" : "Added by hand";
}

/** Stage 2: affected accounts and the recipients of the unauthorized mail, by domain. */
export async function ScopeSection({ db, viewer, ticket, can }: StageProps) {
  const {
    id: ticketId,
    affectedUpn: primaryUpn,
    tenant: { primaryDomain: tenantDomain },
  } = ticket;
  const { users, domains } = await getScope(db, viewer, ticketId);
  const canWork = can.workNow;
  const external = domains.filter((d) => !d.isInternal);
  const primary = users.find((u) => u.upn === primaryUpn);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">User affected and scope</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul aria-label="Affected accounts" className="space-y-2 text-sm">
          <li className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{primaryUpn}</span>
            {primary?.displayName && <span className="text-muted-foreground">({primary.displayName})</span>}
            <Badge>Primary</Badge>
            <TenantCheckText check={primary} />
            {canWork && primary?.tenantCheck !== "FOUND" && (
              <RecheckPrimaryButton ticketId={ticketId} label={primary?.tenantCheck ? "Check again" : "Check in tenant"} />
            )}
          </li>
          {users
            .filter((u) => u.upn !== primaryUpn)
            .map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono">{u.upn}</span>{" "}
                {u.displayName && <span className="text-muted-foreground">({u.displayName})</span>}
                <TenantCheckText
                  check={u.tenantCheck ? u : { tenantCheck: u.objectId ? "FOUND" : null, tenantCheckReason: null, checkedAt: null }}
                />
              </li>
            ))}
        </ul>
        {canWork && <AddAffectedUserForm ticketId={ticketId} tenantDomain={tenantDomain} />}
        <DataTable
          caption={
            <>
              Recipients of the unauthorized mail: {external.reduce((n, d) => n + d.recipientCount, 0)} external recipients in{" "}
              {external.length} domains. Counts an engineer typed are kept when the trace is run again.
            </>
          }
          columns={[
            "Domain",
            "Kind",
            { label: "Messages", className: "text-right" },
            { label: "Recipients", className: "text-right" },
            "Source",
            ...(canWork ? [{ label: <span className="sr-only">Changes</span>, key: "changes" }] : []),
          ]}
        >
          {domains.length === 0 ? (
            <TableRow>
              <TableCell colSpan={canWork ? 6 : 5} className="text-muted-foreground">
                None yet: run the message trace (Resolution) or add a domain.
              </TableCell>
            </TableRow>
          ) : (
            domains.map((d) => (
              <TableRow key={d.id} data-domain={d.domain}>
                <TableCell className="font-medium">{d.domain}</TableCell>
                <TableCell>{d.isInternal ? "Internal" : "External"}</TableCell>
                <CountCell value={d.messageCount} trace={d.traceMessageCount} manual={d.manualMessageCount} />
                <CountCell value={d.recipientCount} trace={d.traceRecipientCount} manual={d.manualRecipientCount} />
                <TableCell className="text-xs">{sourceText(d)}</TableCell>
                {canWork && (
                  <TableCell>
                    <DomainRowControls
                      row={{
                        id: d.id,
                        domain: d.domain,
                        version: d.version,
                        messageCount: d.messageCount,
                        recipientCount: d.recipientCount,
                        hasTraceCounts: d.traceMessageCount !== null || d.traceRecipientCount !== null,
                        isEdited: d.manualMessageCount !== null || d.manualRecipientCount !== null,
                      }}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))
          )}
        </DataTable>
        {canWork && <SaveDomainForm ticketId={ticketId} />}
      </CardContent>
    </Card>
  );
}
