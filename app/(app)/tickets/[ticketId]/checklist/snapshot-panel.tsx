import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getLatestSnapshot } from "@/lib/investigation/queries";
import { ALONGSIDE_CONTAINMENT_NOTE } from "@/lib/investigation/snapshot";
import { formatDateTime } from "@/lib/utils/dates";

type Snapshot = NonNullable<Awaited<ReturnType<typeof getLatestSnapshot>>>;

function Finding({ title, items, empty }: { title: string; items: { key: string; text: string; reasons: string[] }[] | null; empty: string }) {
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-medium">{title}</h4>
      {items === null ? (
        <p className="text-sm text-muted-foreground">Not read (see gaps).</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((i) => (
            <li key={i.key}>
              <Badge variant="danger">Suspicious</Badge> <span className="font-mono text-xs">{i.text}</span> — {i.reasons.join("; ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The evidence snapshot's findings: what looked suspicious, and what could not be read. */
export function SnapshotPanel({ snapshot, note }: { snapshot: Snapshot; note: string | null }) {
  const f = snapshot.findings;
  const gaps = Object.entries(snapshot.gaps);
  return (
    <Card aria-label="Evidence snapshot">
      <CardHeader>
        <CardTitle className="text-base">Evidence snapshot · {formatDateTime(snapshot.takenAt)}</CardTitle>
        {note?.startsWith(ALONGSIDE_CONTAINMENT_NOTE) && <p className="text-sm text-muted-foreground">Taken alongside containment: it reads nothing containment changes.</p>}
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        <Finding
          title={`Sign-ins${f.signIns?.homeCountry ? ` (usual country ${f.signIns.homeCountry})` : ""}`}
          items={f.signIns ? f.signIns.flagged.slice(0, 8).map((s) => ({ key: s.id, text: `${s.at.slice(0, 16).replace("T", " ")} ${s.ip}${s.succeeded ? "" : " (failed)"}`, reasons: s.reasons })) : null}
          empty="Nothing unusual."
        />
        <Finding title="Inbox rules" items={f.inboxRules?.map((r) => ({ key: r.id, text: r.name || "(no name)", reasons: r.reasons })) ?? null} empty="No suspicious rules." />
        <Finding title="Sign-in methods" items={f.authMethods?.map((m) => ({ key: m.id, text: `${m.kind} ${m.detail ?? ""}`, reasons: m.reasons })) ?? null} empty="No recently registered methods." />
        <Finding title="App consents" items={f.consents?.map((c) => ({ key: c.id, text: c.app, reasons: [...c.reasons, c.scope] })) ?? null} empty="No suspicious consents." />
        <div className="space-y-1">
          <h4 className="text-sm font-medium">Mail sent, by recipient domain</h4>
          {f.recipientDomains === null ? (
            <p className="text-sm text-muted-foreground">Not read (see gaps).</p>
          ) : (
            <ul className="text-sm">
              {f.recipientDomains.slice(0, 6).map((d) => (
                <li key={d.domain}>
                  <span className="font-medium">{d.domain}</span> {d.isInternal ? "(internal)" : ""}: {d.messages} messages to {d.recipients} recipients (
                  {Object.entries(d.byStatus).map(([s, n]) => `${s} ${n}`).join(", ")})
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="space-y-1">
          <h4 className="text-sm font-medium">Risk</h4>
          <p className="text-sm">{f.risk ? `${f.risk.riskState}, level ${f.risk.riskLevel}` : "Not at risk or not read."}</p>
        </div>
        {gaps.length > 0 && (
          <div className="md:col-span-2">
            <h4 className="text-sm font-medium">Gaps</h4>
            <ul className="list-disc pl-5 text-sm text-muted-foreground">
              {gaps.map(([section, reason]) => (
                <li key={section}>{section}: {reason}</li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
