"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { IMPACT_CATEGORIES, IMPACT_LEVELS } from "@/lib/impact/categories";
import { saveImpactAction } from "@/lib/impact/actions";

type Props = {
  ticketId: string;
  version: number;
  readOnly: boolean;
  levels: Record<string, { level: string; notes: string }>;
  personalDataInvolved: boolean;
  deadlineLocal: string;
  severity: string;
};

export function ImpactForm({ ticketId, version, readOnly, levels, personalDataInvolved, deadlineLocal, severity }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(saveImpactAction);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const deadline = String(f.get("deadline") ?? "");
    execute({
      ticketId,
      version,
      assessments: Object.keys(IMPACT_CATEGORIES).map((category) => ({ category: category as never, level: String(f.get(`level-${category}`)) as never, notes: String(f.get(`notes-${category}`) ?? "") })),
      personalDataInvolved: f.get("personalData") === "on",
      notificationDeadline: deadline ? new Date(deadline) : undefined,
      overallSeverity: String(f.get("overallSeverity")) as never,
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Business impact" className="space-y-3">
      {result.serverError && <Alert variant="destructive">{result.serverError}</Alert>}
      {hasSucceeded && !isPending && <Alert variant="success">Assessment saved.</Alert>}
      <table className="w-full text-sm">
        <thead><tr className="text-left text-xs text-muted-foreground"><th className="py-1">Category</th><th>Level</th><th>Notes</th></tr></thead>
        <tbody>
          {Object.entries(IMPACT_CATEGORIES).map(([key, c]) => (
            <tr key={key} className="border-t">
              <td className="py-1.5 pr-2"><span className="font-medium">{c.title}</span><br /><span className="text-xs text-muted-foreground">{c.hint}</span></td>
              <td className="pr-2">
                <NativeSelect name={`level-${key}`} aria-label={`${c.title} level`} defaultValue={levels[key]?.level ?? "NONE"} disabled={readOnly} className="w-28">
                  {IMPACT_LEVELS.map((l) => <option key={l} value={l}>{l.charAt(0) + l.slice(1).toLowerCase()}</option>)}
                </NativeSelect>
              </td>
              <td><Input name={`notes-${key}`} aria-label={`${c.title} notes`} defaultValue={levels[key]?.notes ?? ""} readOnly={readOnly} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="personalData" defaultChecked={personalDataInvolved} disabled={readOnly} className="size-4" /> Personal data may be involved</label>
        <label className="grid gap-1 text-sm">Notification deadline (default 72 h after detection)<Input type="datetime-local" name="deadline" defaultValue={deadlineLocal} readOnly={readOnly} /></label>
        <label className="grid gap-1 text-sm">Overall severity
          <NativeSelect name="overallSeverity" defaultValue={severity} disabled={readOnly} className="w-32">
            {["LOW", "MEDIUM", "HIGH", "CRITICAL"].map((s) => <option key={s} value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>)}
          </NativeSelect>
        </label>
        {!readOnly && <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save assessment"}</Button>}
      </div>
    </form>
  );
}
