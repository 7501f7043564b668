import type { SuggestionGroup } from "@/lib/alerts/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { SuggestionButtons } from "./suggestion-buttons";

/** Alerts waiting for an engineer (tenants in "suggest" mode), by tenant; one click opens the ticket. */
export function AlertSuggestions({ groups }: { groups: SuggestionGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-heading" className="space-y-2 rounded-md border border-amber-200 bg-amber-50/50 p-3">
      <h2 id="suggestions-heading" className="text-sm font-semibold">
        Suggested from Microsoft 365 alerts
      </h2>
      {groups.map((g) => {
        const accounts = [...new Set(g.alerts.map((a) => a.upn))];
        return (
          <div key={g.tenantId} className="space-y-1 text-sm">
            <p>
              <span className="font-medium">{g.tenantName}</span>: {g.alerts.length} alert{g.alerts.length === 1 ? "" : "s"} for{" "}
              {accounts.length} account{accounts.length === 1 ? "" : "s"} ({accounts.slice(0, 4).join(", ")}
              {accounts.length > 4 ? `, and ${accounts.length - 4} more` : ""}), latest {formatDateTime(g.alerts[0]!.raisedAt)}:{" "}
              {g.alerts[0]!.title}.
            </p>
            <SuggestionButtons tenantId={g.tenantId} accounts={accounts.length} />
          </div>
        );
      })}
    </section>
  );
}
