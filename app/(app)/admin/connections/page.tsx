import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/select-field";
import { DataTable } from "@/components/ui/data-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { summarisePreflight, type PreflightRow } from "@/lib/graph/preflight";
import { probeConnection } from "@/lib/tenants/connection-check";
import { listTenantChoices } from "@/lib/tenants/queries";

export const metadata: Metadata = { title: "Connection check" };
export const dynamic = "force-dynamic";

type Result = Awaited<ReturnType<typeof probeConnection>>;

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const viewer = await authorizePage("tenants.manage", "/admin/connections");
  const { tenant: tenantId } = await searchParams;
  const db = await getDb();
  const tenants = await listTenantChoices(db, viewer);
  const chosen = tenants.find((t) => t.id === tenantId);
  let result: Result | null = null;
  let error: string | null = null;
  if (chosen) {
    try {
      result = await probeConnection(db, viewer, chosen);
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.message;
    }
  }
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Connection check</h1>
        <p className="text-sm text-muted-foreground">
          What a tenant connection can do through Microsoft Graph, before anyone runs a step: the permissions in its token and a harmless
          read for each operation that has one (licences, the beta per-user MFA endpoint, Identity Protection). The directory role a
          password reset needs is shown as unverified when Graph does not reveal it. Writes are never tried here: one that needs a licence
          counts as unavailable when the read needing the same licence fails.
        </p>
      </div>
      <form method="get" className="flex items-end gap-3" aria-label="Choose a tenant">
        <FilterSelect
          label="Tenant"
          name="tenant"
          defaultValue={chosen?.id ?? ""}
          selectClassName="w-64"
          empty="Choose a tenant"
          options={tenants.map((t) => ({ value: t.id, label: t.displayName }))}
        />
        <Button type="submit">Check connection</Button>
      </form>
      {error && <Alert variant="destructive">{error}</Alert>}
      {result && !result.connected && <Alert variant="destructive">{result.error}</Alert>}
      {result?.connected && (
        <p role="status" className="text-sm">
          <SummaryLine tenant={chosen!.displayName} rows={result.rows} />
        </p>
      )}
      {result?.connected && (
        <DataTable
          caption={<>What the connection of {chosen!.displayName} can do, operation by operation</>}
          captionClassName="sr-only"
          columns={["Operation", "Application permission", "In token", "Probe", "Also needs"]}
        >
          {result.rows.map((r) => (
            <TableRow key={r.op} data-op={r.op}>
              <TableCell>{r.title}</TableCell>
              <TableCell className="font-mono text-xs">{r.permission}</TableCell>
              <TableCell>
                <Badge variant={r.granted ? "success" : "danger"}>{r.granted ? "Granted" : "Missing"}</Badge>
              </TableCell>
              <TableCell className="max-w-md text-xs">
                {r.probe === null ? (
                  <span className="text-muted-foreground">Not tried: writes never are</span>
                ) : r.probe.ok === true ? (
                  <span className="space-x-1">
                    <Badge variant="success">Works</Badge>
                    {r.probe.message !== "Works" && <span>{r.probe.message}</span>}
                  </span>
                ) : r.probe.ok === null ? (
                  <span className="space-x-1">
                    <Badge variant="warning">Unverified</Badge>
                    <span className="text-muted-foreground">{r.probe.message.replace(/^Unverified: /, "")}</span>
                  </span>
                ) : (
                  <span className="space-x-1">
                    <Badge variant="danger">{r.write ? "Unavailable" : "Fails"}</Badge>
                    <span className="text-destructive">{r.probe.message}</span>
                  </span>
                )}
              </TableCell>
              <TableCell className="text-xs">{r.needs ?? "—"}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function SummaryLine({ tenant, rows }: { tenant: string; rows: PreflightRow[] }) {
  const s = summarisePreflight(rows);
  const why = [
    s.missingPermission ? `${s.missingPermission} missing a permission` : null,
    s.failing ? `${s.failing} refused (licence, role or service principal)` : null,
  ].filter(Boolean);
  return (
    <>
      <span className="font-medium">
        {tenant}: {s.available} of {s.total} operations available
      </span>
      {s.unverified ? `, ${s.unverified} of them unverified` : ""}
      {why.length ? `; ${why.join(", ")}.` : "."}
    </>
  );
}
