import { FilterBar } from "@/components/ui/filter-bar";
import { optionsOf } from "@/components/ui/select-field";
import { JOB_STATE_LABELS, JOB_STATES } from "@/lib/jobs/job-view";
import type { TJobListQuery } from "@/lib/jobs/schemas";

export function JobFilters({ query, kinds }: { query: TJobListQuery; kinds: { name: string; label: string }[] }) {
  return (
    <FilterBar
      label="Filter jobs"
      clearHref="/admin/jobs"
      values={query}
      filters={[
        { name: "state", label: "State", empty: "Any state", options: optionsOf(JOB_STATE_LABELS, JOB_STATES) },
        { name: "kind", label: "Kind", empty: "Any kind", options: kinds.map((k) => ({ value: k.name, label: k.label })) },
      ]}
    />
  );
}
