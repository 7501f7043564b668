import { FigureGrid } from "@/components/ui/figure-grid";
import { durationWords } from "@/lib/campaigns/duration";
import type { CampaignSummary } from "@/lib/campaigns/queries";

/** Campaign incidents of the period: how many, their accounts, and the time to contain a whole campaign. */
export function CampaignFigures({ summary: s }: { summary: CampaignSummary }) {
  if (s.incidents === 0) return null;
  const figures: [string, string][] = [
    ["Campaign incidents", String(s.incidents)],
    ["Accounts in campaigns", String(s.accounts)],
    ["Accounts contained (all four steps accepted)", `${s.accountsContained} of ${s.accounts}`],
    ["Time to contain a whole campaign (avg)", s.avgSecondsToContain === null ? "—" : durationWords(s.avgSecondsToContain)],
  ];
  return <FigureGrid label="Campaign figures" figures={figures} className="sm:grid-cols-2 lg:grid-cols-4" />;
}
