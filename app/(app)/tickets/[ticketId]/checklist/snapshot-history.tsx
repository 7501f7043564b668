import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Snapshot } from "@/lib/investigation/queries";
import { ALONGSIDE_CONTAINMENT_NOTE } from "@/lib/investigation/snapshot";
import { formatDateTime } from "@/lib/utils/dates";
import { SnapshotFindingsGrid } from "./snapshot-panel";

const FIRST = "First snapshot: the evidence before any change (the report uses it)";

const who = (s: Snapshot) => (s.takenBy ? ` by ${s.takenBy}` : "");

/**
 * Every evidence snapshot, none replaced: the latest in full, the earlier ones listed (each
 * opens in place). The first is marked as the evidence before any change.
 */
export function SnapshotHistory({ snapshots, note }: { snapshots: Snapshot[]; note: string | null }) {
  const latest = snapshots.at(-1);
  if (!latest) return null;
  const earlier = snapshots.slice(0, -1).reverse();
  return (
    <Card aria-label="Evidence snapshot">
      <CardHeader className="space-y-1">
        <CardTitle className="text-base">
          {earlier.length ? "Latest evidence snapshot" : "Evidence snapshot"} · {formatDateTime(latest.takenAt)}
          <span className="text-sm font-normal text-muted-foreground">{who(latest)}</span>
        </CardTitle>
        {latest.isFirst && (
          <p>
            <Badge variant="info">{FIRST}</Badge>
          </p>
        )}
        {latest.isFirst && note?.startsWith(ALONGSIDE_CONTAINMENT_NOTE) && (
          <p className="text-sm text-muted-foreground">Taken alongside containment: it reads nothing containment changes.</p>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <SnapshotFindingsGrid snapshot={latest} />
        {earlier.length > 0 && (
          <div className="space-y-2 border-t pt-3">
            <h4 className="text-sm font-medium">Earlier snapshots ({earlier.length})</h4>
            <ul className="space-y-2 text-sm">
              {earlier.map((s) => (
                <li key={s.id}>
                  <details aria-label={`Evidence snapshot of ${formatDateTime(s.takenAt)}`}>
                    <summary className="cursor-pointer">
                      {formatDateTime(s.takenAt)}
                      {who(s)}
                      {s.isFirst && (
                        <>
                          {" "}
                          · <Badge variant="info">{FIRST}</Badge>
                        </>
                      )}
                      {s.isFirst && note?.startsWith(ALONGSIDE_CONTAINMENT_NOTE) && (
                        <span className="text-muted-foreground"> · taken alongside containment</span>
                      )}
                    </summary>
                    <div className="mt-2 rounded-md border p-3">
                      <SnapshotFindingsGrid snapshot={s} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
