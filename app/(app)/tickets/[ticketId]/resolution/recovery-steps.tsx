import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/utils/dates";
import { stageHref } from "@/lib/workflow/stages";

// Recovery steps run in the troubleshooting checklist; this only shows where they stand, each
// linking to its own row there (#step-<key>).
const STEPS = [
  {
    key: "re-enable-sign-in",
    label: "Re-enable sign-in (allow sign-in again)",
    hint: "Once the account is secured (password reset, MFA, sessions revoked).",
  },
  {
    key: "release-restricted-sender",
    label: "Restore mail flow (release the restricted sender)",
    hint: "Manual: Defender portal or Remove-BlockedSenderAddress.",
  },
] as const;

// Same words as the checklist's own badges, so a state reads the same in both tabs.
const STATE_LABELS: Record<string, [string, "neutral" | "info" | "success" | "warning" | "danger"]> = {
  TODO: ["To do", "neutral"],
  RUNNING: ["Running", "info"],
  VERIFYING: ["Verifying…", "info"],
  UNCONFIRMED: ["Unconfirmed", "warning"],
  DONE: ["Done", "success"],
  FAILED: ["Failed", "danger"],
  UNKNOWN: ["Unknown – re-run", "warning"],
  SKIPPED: ["Skipped", "neutral"],
  NOT_APPLICABLE: ["Not applicable", "neutral"],
  WAITING_APPROVAL: ["Waiting for approval", "warning"],
};

type Step = { key: string; state: string; reason: string | null; doneAt: Date | null };

export function RecoverySteps({ ticketId, steps }: { ticketId: string; steps: Step[] }) {
  const checklist = stageHref(ticketId, "checklist", "checklist");
  const byKey = new Map(steps.map((s) => [s.key, s]));
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Recovery</CardTitle>
        <CardDescription>
          These steps run from the{" "}
          <Link href={checklist} className="underline">
            troubleshooting checklist
          </Link>
          .
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y text-sm">
          {STEPS.map(({ key, label, hint }) => {
            const step = byKey.get(key);
            const [text, variant] = STATE_LABELS[step?.state ?? "TODO"] ?? [step?.state ?? "To do", "neutral" as const];
            return (
              <li key={key} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">{label}</p>
                  <p className="text-xs text-muted-foreground">
                    {step?.doneAt ? `Done ${formatDateTime(step.doneAt)}.` : hint}
                    {step?.reason ? ` Reason: ${step.reason}` : ""}
                  </p>
                </div>
                <span className="flex items-center gap-2">
                  <Badge variant={variant}>{text}</Badge>
                  <Link href={stageHref(ticketId, "checklist", `step-${key}`)} className="text-xs underline">
                    Open in checklist<span className="sr-only">: {label}</span>
                  </Link>
                </span>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
