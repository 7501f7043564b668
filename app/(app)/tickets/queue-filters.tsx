import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Severity, TicketStatus } from "@/generated/prisma/enums";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/tickets/format";
import type { TTicketListQuery } from "@/lib/tickets/schemas";

type Props = {
  query: TTicketListQuery;
  tenants?: { id: string; displayName: string }[];
  engineers?: { id: string; name: string }[];
};

// A plain GET form: filters live in the URL, so they survive reloads and can be shared.
export function QueueFilters({ query, tenants, engineers }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter tickets" className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <Label htmlFor="q">Search</Label>
        <Input id="q" name="q" type="search" defaultValue={query.q} placeholder="INC-1042, title or account" className="w-64" />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="status">Status</Label>
        <NativeSelect id="status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any status</option>
          {Object.values(TicketStatus).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="severity">Severity</Label>
        <NativeSelect id="severity" name="severity" defaultValue={query.severity ?? ""}>
          <option value="">Any severity</option>
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      {tenants && (
        <div className="grid gap-1">
          <Label htmlFor="tenantId">Tenant</Label>
          <NativeSelect id="tenantId" name="tenantId" defaultValue={query.tenantId ?? ""}>
            <option value="">All tenants</option>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      {engineers && (
        <div className="grid gap-1">
          <Label htmlFor="assignee">Assignee</Label>
          <NativeSelect id="assignee" name="assignee" defaultValue={query.assignee ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="unassigned">Unassigned</option>
            {engineers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href="/tickets">Clear</Link>
      </Button>
    </form>
  );
}
