import { diffReports, summariseDiff, type DiffLine } from "@/lib/reports/report-diff";

const MARK = { added: "+", removed: "−", context: " " } as const;
const WORDS = { added: "added: ", removed: "removed: ", context: "" } as const;

function Line({ line }: { line: DiffLine }) {
  const text = line.parts.map((p, i) =>
    p.changed ? (
      <span
        key={i}
        className={line.kind === "added" ? "rounded-sm bg-green-300/70 font-semibold" : "rounded-sm bg-red-300/70 font-semibold"}
      >
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
  return (
    <li className={line.kind === "added" ? "bg-green-50" : line.kind === "removed" ? "bg-red-50" : ""}>
      <span aria-hidden className="select-none px-1 text-muted-foreground">
        {MARK[line.kind]}
      </span>
      {line.kind !== "context" && <span className="sr-only">{WORDS[line.kind]}</span>}
      {line.kind === "added" ? (
        <ins className="text-green-950 no-underline">{text}</ins>
      ) : line.kind === "removed" ? (
        <del className="text-red-950">{text}</del>
      ) : (
        <span className="text-muted-foreground">{text}</span>
      )}
    </li>
  );
}

/** The changed hunks between two versions' Markdown, with two lines of context; long lines wrap. */
export function ReportDiffView({
  previous,
  next,
  previousVersion,
  nextVersion,
}: {
  previous: string;
  next: string;
  previousVersion: number;
  nextVersion: number;
}) {
  const diff = diffReports(previous, next);
  return (
    <div aria-label="Changes" role="region" className="space-y-3">
      <p className="text-sm">
        <span className="font-medium">
          Changes from version {previousVersion} to {nextVersion}:
        </span>{" "}
        {summariseDiff(diff)}
      </p>
      <p className="text-xs text-muted-foreground">
        Lines marked + were added, − were removed; the words that changed inside a line are in bold.
      </p>
      {diff.hunks.map((h, i) => (
        <section key={i} aria-label={`Changes in ${h.section}`} className="rounded-md border">
          <h3 className="border-b bg-muted/60 px-3 py-1 text-xs font-medium">{h.section}</h3>
          <ol className="space-y-px py-1 font-mono text-xs leading-relaxed [&>li]:whitespace-pre-wrap [&>li]:[overflow-wrap:anywhere] [&>li]:pl-6 [&>li]:-indent-5 [&>li]:pr-3">
            {h.lines.map((l, j) => (
              <Line key={j} line={l} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
