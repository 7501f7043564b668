"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useActionForm } from "@/components/use-action-form";
import { IMPACT_CATEGORIES, IMPACT_LEVELS, severityChoices, severityOutcome, type SeverityName } from "@/lib/impact/categories";
import { saveImpactAction } from "@/lib/impact/actions";
import { SEVERITY_LABELS } from "@/lib/tickets/format";
import { fromUtcInputValue, toUtcInputValue } from "@/lib/tickets/utc-input";
import { formatDateTime } from "@/lib/utils/dates";
import { SavedNow } from "../stages/saved-now";

type Props = {
  ticketId: string;
  version: number;
  readOnly: boolean;
  levels: Record<string, { level: string; notes: string }>;
  personalDataInvolved: boolean;
  /** ISO time, or null when no deadline is set. */
  deadline: string | null;
  severity: SeverityName;
};

const CATEGORY_KEYS = Object.keys(IMPACT_CATEGORIES) as (keyof typeof IMPACT_CATEGORIES)[];
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

/**
 * Stage 3. Times are typed in UTC like everywhere else in the app; errors sit beside their control.
 * Severity is only ever raised, so levels below the ticket's are shown disabled, with the reason.
 */
export function ImpactForm({ ticketId, version, readOnly, levels, personalDataInvolved, deadline, severity }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(saveImpactAction);
  const errors: Record<string, string[] | undefined> = result.validationErrors?.fieldErrors ?? {};
  const { formRef, onSubmit, isConflict } = useActionForm(result, (f) => {
    execute({
      ticketId,
      version,
      assessments: CATEGORY_KEYS.map((category) => ({
        category,
        level: String(f.get(`level-${category}`)) as never,
        notes: String(f.get(`notes-${category}`) ?? ""),
      })),
      personalDataInvolved: f.get("personalData") === "on",
      notificationDeadline: fromUtcInputValue(String(f.get("deadline") ?? "")) as never,
      overallSeverity: String(f.get("overallSeverity")) as never,
    });
  });
  const saved = hasSucceeded && !isPending ? result.data : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Business impact" className="space-y-3">
      {result.serverError?.message && <Alert variant="destructive">{result.serverError?.message}</Alert>}
      {isConflict && (
        <SavedNow
          items={[
            ...CATEGORY_KEYS.map((k) => ({
              term: IMPACT_CATEGORIES[k].title,
              value: `${label(levels[k]?.level ?? "NONE")}${levels[k]?.notes ? `: ${levels[k].notes}` : ""}`,
            })),
            {
              term: "Personal data",
              value: personalDataInvolved
                ? `may be involved${deadline ? `, notify by ${formatDateTime(new Date(deadline))}` : ""}`
                : "not involved",
            },
            { term: "Ticket severity", value: label(severity) },
          ]}
        />
      )}
      {saved && (
        <Alert variant="success">Assessment saved. {severityOutcome(saved.previousSeverity, saved.severity, SEVERITY_LABELS)}</Alert>
      )}
      {/* Rows, not a table: on a phone each category stacks (title, level, notes) instead of overflowing. */}
      <div className="divide-y border-y text-sm">
        <div aria-hidden className="hidden gap-3 py-1 text-xs text-muted-foreground md:grid md:grid-cols-[minmax(12rem,18rem)_8rem_1fr]">
          <span>Category</span>
          <span>Level</span>
          <span>Notes</span>
        </div>
        {CATEGORY_KEYS.map((key, i) => {
          const c = IMPACT_CATEGORIES[key];
          const notesError = errors[`assessments.${i}.notes`]?.join(" ");
          const levelError = errors[`assessments.${i}.level`]?.join(" ");
          return (
            <div
              key={key}
              role="group"
              aria-label={c.title}
              className="grid gap-x-3 gap-y-1.5 py-2 md:grid-cols-[minmax(12rem,18rem)_8rem_1fr] md:items-start"
            >
              <div>
                <span className="font-medium">{c.title}</span>
                <br />
                <span className="text-xs text-muted-foreground">{c.hint}</span>
              </div>
              <div>
                <NativeSelect
                  name={`level-${key}`}
                  aria-label={`${c.title} level`}
                  defaultValue={levels[key]?.level ?? "NONE"}
                  disabled={readOnly}
                  className="w-32"
                  aria-invalid={levelError ? true : undefined}
                  aria-describedby={levelError ? `impact-level-${key}-error` : undefined}
                >
                  {IMPACT_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {label(l)}
                    </option>
                  ))}
                </NativeSelect>
                {levelError && (
                  <p id={`impact-level-${key}-error`} className="text-sm text-destructive">
                    {levelError}
                  </p>
                )}
              </div>
              <div>
                <Input
                  name={`notes-${key}`}
                  aria-label={`${c.title} notes`}
                  placeholder="Notes"
                  defaultValue={levels[key]?.notes ?? ""}
                  readOnly={readOnly}
                  aria-invalid={notesError ? true : undefined}
                  aria-describedby={notesError ? `impact-notes-${key}-error` : undefined}
                />
                {notesError && (
                  <p id={`impact-notes-${key}-error`} className="text-sm text-destructive">
                    {notesError}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <label className="flex items-center gap-2 pt-7 text-sm">
          <input
            type="checkbox"
            name="personalData"
            defaultChecked={personalDataInvolved}
            disabled={readOnly}
            className="size-4 shrink-0"
          />{" "}
          Personal data may be involved
        </label>
        <FormField
          id="impact-deadline"
          label="Notification deadline (UTC)"
          hint="Blank: 72 h after detection."
          error={errors.notificationDeadline}
        >
          <Input type="datetime-local" name="deadline" defaultValue={toUtcInputValue(deadline)} readOnly={readOnly} />
        </FormField>
        <FormField
          id="impact-severity"
          label="Overall severity"
          hint={`Now ${SEVERITY_LABELS[severity]}: severity can only be raised, so lower levels are unavailable.`}
          error={errors.overallSeverity}
          className="max-w-xs"
        >
          <NativeSelect name="overallSeverity" defaultValue={severity} disabled={readOnly} className="w-64">
            {severityChoices(severity, SEVERITY_LABELS).map((s) => (
              <option key={s.value} value={s.value} disabled={s.disabled}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {!readOnly && (
          <Button type="submit" disabled={isPending} className="mt-6">
            {isPending ? "Saving…" : "Save assessment"}
          </Button>
        )}
      </div>
    </form>
  );
}
