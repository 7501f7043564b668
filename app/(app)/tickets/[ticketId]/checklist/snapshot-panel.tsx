import { Badge } from "@/components/ui/badge";
import { SNAPSHOT_SECTION_WORDS } from "@/lib/timeline/describe-event";
import type { Snapshot } from "@/lib/investigation/queries";
import { traceStatusLabel } from "@/lib/message-trace/statuses";
import { methodLabel, riskLevelWords, riskStateWords } from "@/lib/investigation/account-words";
import { readableObserved } from "@/lib/reports/words";
import { formatDateTime } from "@/lib/utils/dates";

type Item = { key: string; text: string; reasons: string[] };

/** "first N of more": the section stopped at a limit while Graph had more (never a silent cap). */
function Capped({ limit, noun }: { limit: number | undefined; noun: string }) {
  if (limit === undefined) return null;
  return (
    <p className="text-xs text-warning">
      Judged on the first {limit} {noun} of more: Graph had more than the snapshot reads.
    </p>
  );
}

type FindingProps = { title: string; items: Item[] | null; empty: string; noun?: string };

function Finding({ title, items, empty, gap, limit, noun }: FindingProps & { gap: boolean; limit?: number }) {
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-medium">{title}</h4>
      <Capped limit={limit} noun={noun ?? "rows"} />
      {items === null ? (
        <p className="text-sm text-muted-foreground">{gap ? "Not read (see below)." : "Not read."}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((i) => (
            <li key={i.key}>
              <Badge variant="danger">Suspicious</Badge> <span className="font-medium">{i.text}</span> —{" "}
              {i.reasons.map(readableObserved).join("; ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Identity Protection's view, saying whether it was not read or there is simply no risk record. */
function riskText(s: Snapshot): string {
  const r = s.findings.risk;
  if (r) return `${capital(riskStateWords(r.riskState))}, ${riskLevelWords(r.riskLevel)} risk`;
  if (s.gaps.risk) return "Not read (see below).";
  return "Not at risk: Identity Protection holds no risk record for this user.";
}

/** One evidence snapshot's findings, in words: what looked suspicious, and what could not be read. */
export function SnapshotFindingsGrid({ snapshot }: { snapshot: Snapshot }) {
  const f = snapshot.findings;
  const gaps = Object.entries(snapshot.gaps);
  const gap = (section: string) => section in snapshot.gaps;
  const limits: Record<string, number | undefined> = f.limits ?? {};
  const findings: (FindingProps & { section: string })[] = [
    {
      section: "signIns",
      title: `Sign-ins${f.signIns?.homeCountry ? ` (usual country ${f.signIns.homeCountry})` : ""}`,
      items:
        f.signIns?.flagged.slice(0, 8).map((s) => ({
          key: s.id,
          text: `${formatDateTime(new Date(s.at))} from ${s.ip}${s.succeeded ? "" : " (failed)"}`,
          reasons: s.reasons,
        })) ?? null,
      empty: "Nothing unusual.",
      noun: "sign-ins",
    },
    {
      section: "inboxRules",
      title: "Inbox rules",
      items: f.inboxRules?.map((r) => ({ key: r.id, text: `“${r.name || "(no name)"}”`, reasons: r.reasons })) ?? null,
      empty: "No suspicious rules.",
      noun: "rules",
    },
    {
      section: "authMethods",
      title: "Sign-in methods",
      items: f.authMethods?.map((m) => ({ key: m.id, text: methodLabel(m.kind, m.detail), reasons: m.reasons })) ?? null,
      empty: "No recently registered methods.",
      noun: "methods",
    },
    {
      section: "consents",
      title: "App consents",
      items: f.consents?.map((c) => ({ key: c.id, text: c.app, reasons: [...c.reasons, `scopes ${c.scope}`] })) ?? null,
      empty: "No suspicious consents.",
      noun: "consents",
    },
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {findings.map(({ section, ...finding }) => (
        <Finding key={section} {...finding} gap={gap(section)} limit={limits[section]} />
      ))}
      <div className="space-y-1">
        <h4 className="text-sm font-medium">Mail sent, by recipient domain</h4>
        <Capped limit={limits.messageTrace} noun="trace rows" />
        {f.recipientDomains === null ? (
          <p className="text-sm text-muted-foreground">{gap("messageTrace") ? "Not read (see below)." : "Not read."}</p>
        ) : f.recipientDomains.length === 0 ? (
          <p className="text-sm text-muted-foreground">No mail sent in the traced window.</p>
        ) : (
          <ul className="text-sm">
            {f.recipientDomains.slice(0, 6).map((d) => (
              <li key={d.domain}>
                <span className="font-medium">{d.domain}</span>
                {d.isInternal ? " (internal)" : ""}: {d.messages} messages to {d.recipients} recipients (
                {Object.entries(d.byStatus)
                  .map(([s, n]) => `${traceStatusLabel(s).toLowerCase()} ${n}`)
                  .join(", ")}
                )
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-1">
        <h4 className="text-sm font-medium">Risk (Identity Protection)</h4>
        <p className="text-sm">{riskText(snapshot)}</p>
      </div>
      {gaps.length > 0 && (
        <div className="md:col-span-2">
          <h4 className="text-sm font-medium">Not read</h4>
          <ul className="list-disc pl-5 text-sm text-muted-foreground">
            {gaps.map(([section, reason]) => (
              <li key={section}>
                {capital(SNAPSHOT_SECTION_WORDS[section] ?? section)}: {reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
