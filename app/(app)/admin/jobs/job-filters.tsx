import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FilterSelect, optionsOf } from "@/components/ui/select-field";
import { JOB_STATE_LABELS, JOB_STATES } from "@/lib/jobs/job-view";
import type { TJobListQuery } from "@/lib/jobs/schemas";

// A plain GET form: the filters live in the URL.
export function JobFilters({ query, kinds }: { query: TJobListQuery; kinds: { name: string; label: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Filter jobs" className="flex flex-wrap items-end gap-3">
      <FilterSelect
        label="State"
        name="state"
        defaultValue={query.state ?? ""}
        empty="Any state"
        options={optionsOf(JOB_STATE_LABELS, JOB_STATES)}
      />
      <FilterSelect
        label="Kind"
        name="kind"
        defaultValue={query.kind ?? ""}
        empty="Any kind"
        options={kinds.map((k) => ({ value: k.name, label: k.label }))}
      />
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href="/admin/jobs">Clear</Link>
      </Button>
    </form>
  );
}
