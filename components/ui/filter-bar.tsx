import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FilterSelect, type SelectOption } from "@/components/ui/select-field";

export type FilterSpec = { name: string; label: string; empty: string; options: SelectOption[] };

/**
 * A plain GET form of filters (role search): they live in the URL, so they survive reloads and
 * can be shared. Each select is named for its URL parameter; Clear goes back to `clearHref`.
 */
export function FilterBar({
  label,
  clearHref,
  values,
  filters,
  children,
}: {
  /** The form's accessible name, e.g. "Filter jobs". */
  label: string;
  clearHref: string;
  /** The current query: each select starts at its own parameter. */
  values: Partial<Record<string, unknown>>;
  filters: (FilterSpec | false | undefined)[];
  /** Fields before the selects, e.g. a search box. */
  children?: React.ReactNode;
}) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
      {filters
        .filter((f) => f !== false && f !== undefined)
        .map((f) => (
          <FilterSelect key={f.name} {...f} defaultValue={String(values[f.name] ?? "")} />
        ))}
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href={clearHref}>Clear</Link>
      </Button>
    </form>
  );
}
