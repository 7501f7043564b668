import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/input";
import { FilterField, optionsOf } from "@/components/ui/select-field";
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
    <FilterBar
      label="Filter tickets"
      clearHref="/tickets"
      values={query}
      filters={[
        { name: "status", label: "Status", empty: "Any status", options: optionsOf(STATUS_LABELS, Object.values(TicketStatus)) },
        { name: "severity", label: "Severity", empty: "Any severity", options: optionsOf(SEVERITY_LABELS, Object.values(Severity)) },
        tenants && {
          name: "tenantId",
          label: "Tenant",
          empty: "All tenants",
          options: tenants.map((t) => ({ value: t.id, label: t.displayName })),
        },
        engineers && {
          name: "assignee",
          label: "Assignee",
          empty: "Anyone",
          options: [
            { value: "me", label: "Assigned to me" },
            { value: "unassigned", label: "Unassigned" },
            ...engineers.map((e) => ({ value: e.id, label: e.name })),
          ],
        },
      ]}
    >
      {/* the saved view stays chosen while the filters change */}
      {query.view && <input type="hidden" name="view" value={query.view} />}
      <FilterField id="q" label="Search">
        <Input id="q" name="q" type="search" defaultValue={query.q} placeholder="INC-1042, title or account" className="w-64" />
      </FilterField>
    </FilterBar>
  );
}
