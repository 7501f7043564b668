import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FilterField, FilterSelect, optionsOf } from "@/components/ui/select-field";
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
      <FilterField id="q" label="Search">
        <Input id="q" name="q" type="search" defaultValue={query.q} placeholder="INC-1042, title or account" className="w-64" />
      </FilterField>
      <FilterSelect
        label="Status"
        name="status"
        defaultValue={query.status ?? ""}
        empty="Any status"
        options={optionsOf(STATUS_LABELS, Object.values(TicketStatus))}
      />
      <FilterSelect
        label="Severity"
        name="severity"
        defaultValue={query.severity ?? ""}
        empty="Any severity"
        options={optionsOf(SEVERITY_LABELS, Object.values(Severity))}
      />
      {tenants && (
        <FilterSelect
          label="Tenant"
          name="tenantId"
          defaultValue={query.tenantId ?? ""}
          empty="All tenants"
          options={tenants.map((t) => ({ value: t.id, label: t.displayName }))}
        />
      )}
      {engineers && (
        <FilterSelect
          label="Assignee"
          name="assignee"
          defaultValue={query.assignee ?? ""}
          empty="Anyone"
          options={[
            { value: "me", label: "Assigned to me" },
            { value: "unassigned", label: "Unassigned" },
            ...engineers.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
      )}
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href="/tickets">Clear</Link>
      </Button>
    </form>
  );
}
