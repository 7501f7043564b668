import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { stageHref, TICKET_STAGES } from "@/lib/workflow/stages";

type Progress = Record<string, { state: string; detail: string }>;

/** Where every stage stands, in words, each linking to its stage. */
export function StageSummary({ ticketId, progress }: { ticketId: string; progress: Progress }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Per stage</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="divide-y text-sm" aria-label="Per-stage summary">
          {TICKET_STAGES.map((s) => {
            const p = s.progress ? progress[s.progress] : undefined;
            if (!p) return null;
            return (
              <li key={s.id} className="grid grid-cols-[8.5rem_1fr] gap-x-3 py-1.5">
                <Link href={stageHref(ticketId, s.id)} className="font-medium text-primary hover:underline">
                  {s.label}
                </Link>
                <span className="text-muted-foreground">
                  <span className="text-foreground">{p.state.toLowerCase()}</span> — {p.detail}
                </span>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
