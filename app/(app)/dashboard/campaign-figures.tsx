import type { Viewer } from "@/lib/auth/viewer";
import { durationWords } from "@/lib/campaigns/duration";
import { summarizeCampaigns } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/db/client";

/** Campaign incidents of the period: how many, their accounts, and the time to contain a whole campaign. */
export async function CampaignFigures({ viewer, period }: { viewer: Viewer; period: { from: Date; to: Date } }) {
  const s = await summarizeCampaigns(await getDb(), viewer, period);
  if (s.incidents === 0) return null;
  const figures: [string, string][] = [
    ["Campaign incidents", String(s.incidents)],
    ["Accounts in campaigns", String(s.accounts)],
    ["Accounts contained (all four steps accepted)", `${s.accountsContained} of ${s.accounts}`],
    ["Time to contain a whole campaign (avg)", s.avgSecondsToContain === null ? "—" : durationWords(s.avgSecondsToContain)],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Campaign figures">
      {figures.map(([label, value]) => (
        <div key={label} role="group" aria-label={label} className="rounded-lg border bg-card p-4">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
