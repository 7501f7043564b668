import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { JOB_STATE_LABELS, JOB_STATES } from "@/lib/jobs/job-view";
import type { TJobListQuery } from "@/lib/jobs/schemas";

// A plain GET form: the filters live in the URL.
export function JobFilters({ query, kinds }: { query: TJobListQuery; kinds: { name: string; label: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Filter jobs" className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <Label htmlFor="state">State</Label>
        <NativeSelect id="state" name="state" defaultValue={query.state ?? ""}>
          <option value="">Any state</option>
          {JOB_STATES.map((s) => (
            <option key={s} value={s}>
              {JOB_STATE_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="kind">Kind</Label>
        <NativeSelect id="kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">Any kind</option>
          {kinds.map((k) => (
            <option key={k.name} value={k.name}>
              {k.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href="/admin/jobs">Clear</Link>
      </Button>
    </form>
  );
}
