/**
 * After a conflict, the values someone else saved, shown beside the form that keeps what this
 * user typed: they compare the two, then save again to apply theirs.
 */
export function SavedNow({
  label = "Saved now by someone else",
  items,
}: {
  label?: string;
  items: { term: string; value: React.ReactNode }[];
}) {
  return (
    <section aria-label={label} className="rounded-md border border-amber-200 bg-amber-50/60 px-3 py-2 text-xs">
      <h4 className="mb-1 font-medium">{label}</h4>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        {items.map((i) => (
          <div key={i.term} className="contents">
            <dt className="text-muted-foreground">{i.term}</dt>
            <dd className="whitespace-pre-wrap break-words">{i.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
