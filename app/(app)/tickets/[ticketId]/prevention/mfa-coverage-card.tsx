import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { coveragePercent } from "@/lib/preventive/mfa-coverage";
import type { LatestMfaCheck } from "@/lib/preventive/queries";
import { formatDateTime, formatRelative } from "@/lib/utils/dates";
import { CheckMfaButton } from "./check-mfa-button";

function Figure({ label, value, warn = false }: { label: string; value: React.ReactNode; warn?: boolean }) {
  return (
    <div className="rounded-md border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={warn ? "text-lg font-semibold text-destructive" : "text-lg font-semibold"}>{value}</dd>
    </div>
  );
}

export function MfaCoverageCard({ ticketId, latest, canWork }: { ticketId: string; latest: LatestMfaCheck | null; canWork: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">MFA coverage of the tenant</CardTitle>
        <CardDescription>
          {latest
            ? `Checked ${formatDateTime(latest.checkedAt)} (${formatRelative(latest.checkedAt)})${latest.checkedByName ? ` by ${latest.checkedByName}` : ""}${latest.isFromThisTicket ? "" : ", on another incident of this tenant"}.`
            : "Not checked yet: the tenant-wide MFA registration report (Microsoft Graph) has not been run."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {canWork && <CheckMfaButton ticketId={ticketId} />}
        {latest && (
          <>
            {latest.truncated && (
              <p className="text-sm text-warning">
                These figures are of the first {latest.totalUsers} users of more: the tenant has more users than the check reads.
              </p>
            )}
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Latest MFA coverage">
              <Figure label="Users" value={latest.totalUsers} />
              <Figure label="Registered for MFA" value={`${latest.mfaRegistered} (${coveragePercent(latest)} %)`} />
              <Figure label="MFA capable" value={latest.mfaCapable} />
              <Figure
                label="Without MFA"
                value={latest.totalUsers - latest.mfaRegistered}
                warn={latest.totalUsers > latest.mfaRegistered}
              />
              <Figure label="Admins without MFA" value={latest.adminsWithoutMfa} warn={latest.adminsWithoutMfa > 0} />
            </dl>
            {latest.usersWithoutMfa.length > 0 ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Users without MFA ({latest.usersWithoutMfa.length})</summary>
                <ul className="mt-2 space-y-1 text-sm">
                  {latest.usersWithoutMfa.map((u) => (
                    <li key={u.id} className="flex flex-wrap items-center gap-2">
                      <span className="font-mono">{u.userPrincipalName}</span>
                      {u.displayName && <span className="text-muted-foreground">{u.displayName}</span>}
                      {u.isAdmin && <Badge variant="danger">Admin</Badge>}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <p className="text-sm">Every user is registered for MFA.</p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
