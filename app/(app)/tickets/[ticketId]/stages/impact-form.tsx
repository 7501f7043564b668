"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import { IMPACT_CATEGORIES, IMPACT_LEVELS } from "@/lib/impact/categories";
import { saveImpactAction } from "@/lib/impact/actions";
import { fromUtcInputValue, toUtcInputValue } from "@/lib/tickets/utc-input";
import { formatDateTime } from "@/lib/utils/dates";
import { SavedNow } from "./saved-now";

type Props = {
  ticketId: string;
  version: number;
  readOnly: boolean;
  levels: Record<string, { level: string; notes: string }>;
  personalDataInvolved: boolean;
  /** ISO time, or null when no deadline is set. */
  deadline: string | null;
  severity: string;
};

const CATEGORY_KEYS = Object.keys(IMPACT_CATEGORIES) as (keyof typeof IMPACT_CATEGORIES)[];
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

/** Stage 3. Times are typed in UTC like everywhere else in the app; errors sit beside their control. */
export function ImpactForm({ ticketId, version, readOnly, levels, personalDataInvolved, deadline, severity }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(saveImpactAction);
  const errors: Record<string, string[] | undefined> = result.validationErrors?.fieldErrors ?? {};
  const isConflict = useRefreshOnConflict(result.serverError);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    execute({
      ticketId,
      version,
      assessments: CATEGORY_KEYS.map((category) => ({ category, level: String(f.get(`level-${category}`)) as never, notes: String(f.get(`notes-${category}`) ?? "") })),
      personalDataInvolved: f.get("personalData") === "on",
      notificationDeadline: fromUtcInputValue(String(f.get("deadline") ?? "")) as never,
      overallSeverity: String(f.get("overallSeverity")) as never,
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Business impact" className="space-y-3">
      {result.serverError && <Alert variant="destructive">{result.serverError}</Alert>}
      {isConflict && (
        <SavedNow
          items={[
            ...CATEGORY_KEYS.map((k) => ({ term: IMPACT_CATEGORIES[k].title, value: `${label(levels[k]?.level ?? "NONE")}${levels[k]?.notes ? `: ${levels[k].notes}` : ""}` })),
            { term: "Personal data", value: personalDataInvolved ? `may be involved${deadline ? `, notify by ${formatDateTime(new Date(deadline))}` : ""}` : "not involved" },
            { term: "Ticket severity", value: label(severity) },
          ]}
        />
      )}
      {hasSucceeded && !isPending && <Alert variant="success">Assessment saved.</Alert>}
      <table className="w-full text-sm">
        <thead><tr className="text-left text-xs text-muted-foreground"><th className="py-1">Category</th><th>Level</th><th>Notes</th></tr></thead>
        <tbody>
          {CATEGORY_KEYS.map((key, i) => {
            const c = IMPACT_CATEGORIES[key];
            const notesError = errors[`assessments.${i}.notes`]?.join(" ");
            const levelError = errors[`assessments.${i}.level`]?.join(" ");
            return (
              <tr key={key} className="border-t align-top">
                <td className="py-1.5 pr-2"><span className="font-medium">{c.title}</span><br /><span className="text-xs text-muted-foreground">{c.hint}</span></td>
                <td className="py-1.5 pr-2">
                  <NativeSelect name={`level-${key}`} aria-label={`${c.title} level`} defaultValue={levels[key]?.level ?? "NONE"} disabled={readOnly} className="w-28"
                    aria-invalid={levelError ? true : undefined} aria-describedby={levelError ? `impact-level-${key}-error` : undefined}>
                    {IMPACT_LEVELS.map((l) => <option key={l} value={l}>{label(l)}</option>)}
                  </NativeSelect>
                  {levelError && <p id={`impact-level-${key}-error`} className="text-sm text-destructive">{levelError}</p>}
                </td>
                <td className="py-1.5">
                  <Input name={`notes-${key}`} aria-label={`${c.title} notes`} defaultValue={levels[key]?.notes ?? ""} readOnly={readOnly}
                    aria-invalid={notesError ? true : undefined} aria-describedby={notesError ? `impact-notes-${key}-error` : undefined} />
                  {notesError && <p id={`impact-notes-${key}-error`} className="text-sm text-destructive">{notesError}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap items-start gap-4">
        <label className="flex items-center gap-2 pt-7 text-sm"><input type="checkbox" name="personalData" defaultChecked={personalDataInvolved} disabled={readOnly} className="size-4" /> Personal data may be involved</label>
        <FormField id="impact-deadline" label="Notification deadline (UTC)" hint="Blank: 72 h after detection." error={errors.notificationDeadline}>
          <Input type="datetime-local" name="deadline" defaultValue={toUtcInputValue(deadline)} readOnly={readOnly} />
        </FormField>
        <FormField id="impact-severity" label="Overall severity" hint="Raises the ticket's severity, never lowers it." error={errors.overallSeverity}>
          <NativeSelect name="overallSeverity" defaultValue={severity} disabled={readOnly} className="w-32">
            {["LOW", "MEDIUM", "HIGH", "CRITICAL"].map((s) => <option key={s} value={s}>{label(s)}</option>)}
          </NativeSelect>
        </FormField>
        {!readOnly && <Button type="submit" disabled={isPending} className="mt-6">{isPending ? "Saving…" : "Save assessment"}</Button>}
      </div>
    </form>
  );
}
