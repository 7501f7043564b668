import { RefreshWhileActive } from "@/components/jobs/refresh-while-active";
import { hasPermission } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/auth/viewer";
import { countCampaignPasswords } from "@/lib/campaigns/passwords";
import { getCampaignApproval, getCampaignView } from "@/lib/campaigns/queries";
import { etaWords } from "@/lib/campaigns/progress";
import { CAMPAIGN_STEPS } from "@/lib/campaigns/step-effects";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/utils/dates";
import { AddAccountsForm } from "./add-accounts-form";
import { CampaignBoard } from "./campaign-board";
import { durationWords } from "@/lib/campaigns/duration";
import { CampaignApprovalNotice } from "./campaign-approval";
import { ShowPasswordsButton } from "./show-passwords-button";
import { TicketAlerts } from "./ticket-alerts";

/** The campaign on the checklist: many accounts contained from one screen, with live progress. */
export async function CampaignSection({ ticketId, tenantDomain, closed }: { ticketId: string; tenantDomain: string; closed: boolean }) {
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const canRun = hasPermission(viewer.role, "remediation.run") && !closed;
  const db = await getDb();
  const view = await getCampaignView(db, viewer, ticketId);
  const alerts = <TicketAlerts db={db} viewer={viewer} ticketId={ticketId} />;
  if (!view && !canRun) return alerts;
  const p = view?.progress;
  const running = p ? p.queued + p.sending : 0;
  const [approval, passwords] = await Promise.all([
    getCampaignApproval(db, viewer, ticketId),
    canRun ? countCampaignPasswords(db, viewer, ticketId) : { count: 0, othersOwn: 0 },
  ]);
  const verifying = view?.accounts.some((a) => Object.values(a.steps).some((s) => s.verification === "Verifying…")) ?? false;
  return (
    <section aria-labelledby="campaign-heading" className="space-y-3 rounded-md border p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="campaign-heading" className="text-base font-semibold">
          Campaign accounts{view ? ` (${view.accounts.length})` : ""}
        </h2>
        {!view && (
          <p className="text-sm text-muted-foreground">A spray or phishing wave? Add every affected account and contain them together.</p>
        )}
      </div>
      {p && view && (
        <div className="space-y-1" data-testid="campaign-progress">
          <progress className="h-2 w-full accent-primary" max={Math.max(1, p.started)} value={p.done} aria-label="Containment progress" />
          <p className="text-sm" role="status">
            {p.done} of {p.started} steps done ({p.percent} %): {p.accepted} accepted, {p.failed} failed, {p.queued + p.sending} to run
            {p.cancelled > 0 ? `, ${p.cancelled} stopped` : ""}
            {p.idle > 0 ? `, ${p.idle} not started` : ""}.{" "}
            {running > 0
              ? etaWords(p.etaSeconds)
              : view.secondsToContain !== null
                ? `Whole campaign took ${durationWords(view.secondsToContain)} (from ${formatDateTime(view.startedAt!)}).`
                : ""}
          </p>
          {view.selected > 0 && (
            <p className="text-sm" data-testid="campaign-verified">
              {view.verifiedAccounts} of {view.selected} started account{view.selected === 1 ? "" : "s"} contained and verified
              {view.containedAt ? ` — campaign contained at ${formatDateTime(view.containedAt)}.` : "."}
            </p>
          )}
          <RefreshWhileActive active={running > 0 || verifying || approval?.status === "PENDING"} />
        </div>
      )}
      {approval && (
        <CampaignApprovalNotice
          approval={approval}
          canDecide={hasPermission(viewer.role, "remediation.approve") && !closed && approval.requestedById !== viewer.id}
        />
      )}
      {/* Mounted while there is a campaign, so the passwords stay on screen after the page refreshes to a count of 0. */}
      {view && canRun && <ShowPasswordsButton ticketId={ticketId} count={passwords.count} needsReason={passwords.othersOwn > 0} />}
      {alerts}
      {canRun && <AddAccountsForm ticketId={ticketId} tenantDomain={tenantDomain} />}
      {view && (
        <CampaignBoard
          ticketId={ticketId}
          canRun={canRun}
          idle={p!.idle}
          failed={p!.failed + p!.cancelled}
          running={running}
          rows={view.accounts.map((a) => ({
            id: a.id,
            upn: a.upn,
            steps: CAMPAIGN_STEPS.map((k) => ({
              key: k,
              state: a.steps[k]!.state,
              error: a.steps[k]!.error,
              recovered: a.steps[k]!.recovered,
              verification: a.steps[k]!.verification,
              verified: a.steps[k]!.verified,
            })),
          }))}
        />
      )}
    </section>
  );
}
