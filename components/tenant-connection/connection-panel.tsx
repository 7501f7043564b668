import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { isReady } from "@/lib/graph/connection-checklist";
import { REFUSALS, type Refusal } from "@/lib/tenants/connect-attempts";
import type { TenantConnection } from "@/lib/tenants/connection-queries";
import { removeConsentSteps } from "@/lib/tenants/manual-steps";
import { formatDateTime } from "@/lib/utils/dates";
import { Checklist } from "./checklist";
import { ConnectButton } from "./connect-button";
import { DisconnectButton } from "./disconnect-button";
import { OperationsSummary } from "./operations-summary";
import { RecheckButton } from "./recheck-button";
import { SetupForm } from "./setup-form";

// A tenant's Microsoft 365 connection, for its own admin (/tenant) and for platform admins
// (/admin/tenants/<id>): how it is connected, the outcome of the viewer's last round trip to
// Microsoft, and the checklist of what consent cannot grant with "Set this up for me".

const APP_NAME = "Breachdesk";
const TRIGGERS: Record<string, string> = {
  CONSENT: "after consent",
  SETUP: "after the setup",
  MANUAL: "on request",
  DAILY: "by the daily check",
};

function AttemptOutcome({ attempt }: { attempt: NonNullable<TenantConnection["attempt"]> }) {
  const what = attempt.purpose === "CONSENT" ? "Connecting" : "The setup";
  if (attempt.outcome === "SUCCEEDED") {
    return (
      <Alert variant="success">
        {attempt.purpose === "CONSENT"
          ? "Microsoft 365 is connected: consent was granted and the connection was checked."
          : "The setup is done and the connection was checked again."}
        {attempt.outcomeDetail ? ` ${attempt.outcomeDetail.replaceAll("\n", " ")}` : ""}
      </Alert>
    );
  }
  if (attempt.outcome === "FAILED") {
    return (
      <Alert variant="destructive">
        <p className="font-medium">
          {what} did not complete. Microsoft answered: {attempt.outcomeCode}
        </p>
        {attempt.outcomeDetail && <p className="whitespace-pre-line">{attempt.outcomeDetail}</p>}
        <p>
          {attempt.outcomeCode === "access_denied"
            ? "The request was cancelled or declined at Microsoft. Try again and choose Accept, signed in as an administrator of your tenant."
            : "Check that you signed in as an administrator of this tenant with the role named above, then try again."}
        </p>
      </Alert>
    );
  }
  return (
    <Alert variant="destructive">
      <p className="font-medium">{what} was refused by Breachdesk.</p>
      <p>{attempt.outcomeDetail}</p>
    </Alert>
  );
}

export function ConnectionPanel({ connection, refused }: { connection: TenantConnection; refused?: string }) {
  const { tenant, check, attempt } = connection;
  const deploymentApp = tenant.connectionMode === "DEPLOYMENT_APP";
  const connected =
    !tenant.disconnectedAt && (deploymentApp ? Boolean(tenant.consentedAt) : Boolean(tenant.clientId && connection.hasSecret));
  const status = tenant.disconnectedAt
    ? { label: "Disconnected", variant: "neutral" as const }
    : connected
      ? { label: "Connected", variant: "success" as const }
      : { label: "Not connected", variant: "warning" as const };
  const context = {
    appName: APP_NAME,
    appClientId: connection.appClientId,
    servicePrincipalId: tenant.servicePrincipalId,
    serviceMailbox: tenant.serviceMailbox,
  };
  const fixable =
    check?.items.filter(
      (i) => i.state === "missing" && ["userAdministrator", "privilegedAuthentication", "messageTrace"].includes(i.key),
    ) ?? [];
  const refusal =
    refused && refused in REFUSALS
      ? REFUSALS[refused as Refusal]
      : refused
        ? "The answer from Microsoft could not be used. Start again."
        : null;
  return (
    <section aria-labelledby="m365-connection" className="space-y-4">
      <div className="space-y-1">
        <h2 id="m365-connection" className="flex items-center gap-2 text-base font-semibold">
          Microsoft 365 connection <Badge variant={status.variant}>{status.label}</Badge>
        </h2>
        <p className="text-sm text-muted-foreground">
          {deploymentApp ? `Through ${APP_NAME}'s app, by admin consent.` : "Through the tenant's own app registration."}
          {tenant.entraTenantId && (
            <>
              {" "}
              Entra tenant id <span className="font-mono">{tenant.entraTenantId}</span>.
            </>
          )}
          {tenant.consentedAt && <> Consented {formatDateTime(tenant.consentedAt)}.</>}
        </p>
      </div>
      {refusal && <Alert variant="destructive">{refusal}</Alert>}
      {attempt && <AttemptOutcome attempt={attempt} />}
      {deploymentApp && !connection.isAppConfigured && (
        <Alert variant="warning">
          {APP_NAME}&apos;s own app is not configured on this deployment, so tenants cannot be connected by consent yet. A platform admin
          sets it up (README, “Connecting a real tenant”).
        </Alert>
      )}

      {tenant.disconnectedAt ? (
        <div className="space-y-3">
          <Alert variant="info">
            Disconnected {formatDateTime(tenant.disconnectedAt)}: Breachdesk no longer calls Microsoft Graph for this tenant, and its{" "}
            {connection.tickets} ticket{connection.tickets === 1 ? " is" : "s are"} read-only.
          </Alert>
          <div className="text-sm">
            <p className="font-medium">Remove the consent in your tenant</p>
            <ol className="list-decimal space-y-0.5 pl-5" aria-label="Remove the consent">
              {removeConsentSteps(APP_NAME, connection.appClientId).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
          {deploymentApp && connection.isAppConfigured && <ConnectButton tenantId={tenant.id} label="Connect again" />}
        </div>
      ) : !connected ? (
        deploymentApp &&
        connection.isAppConfigured && (
          <div className="space-y-2 text-sm">
            <p>
              Connect gives {APP_NAME} the Graph permissions it needs to investigate and contain accounts in {tenant.displayName}. You sign
              in at Microsoft as a Global Administrator (or Privileged Role Administrator) and accept for your organization; Breachdesk then
              checks the connection at once.
            </p>
            <ConnectButton tenantId={tenant.id} />
          </div>
        )
      ) : (
        <div className="space-y-3">
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">What consent cannot grant</h3>
            {check ? (
              <p role="status" className="text-sm">
                {check.connected && isReady(check.items) ? (
                  <span className="font-medium">Ready: everything Breachdesk needs is in place.</span>
                ) : (
                  <span className="font-medium">
                    {check.items.filter((i) => i.required && i.state === "done").length} of {check.items.filter((i) => i.required).length}{" "}
                    required items done.
                  </span>
                )}{" "}
                <span className="text-muted-foreground">
                  Checked {formatDateTime(check.checkedAt)} {TRIGGERS[check.trigger] ?? ""}.
                </span>
              </p>
            ) : (
              <p className="text-sm text-muted-foreground">Not checked yet.</p>
            )}
          </div>
          {check && <Checklist items={check.items} context={context} />}
          {check?.operations && <OperationsSummary rows={check.operations} />}
          {deploymentApp && fixable.length > 0 && (
            <SetupForm
              tenantId={tenant.id}
              offerPrivileged={fixable.some((i) => i.key === "privilegedAuthentication")}
              onlyPrivileged={fixable.every((i) => !i.required)}
            />
          )}
          <div className="flex flex-wrap items-start gap-3">
            <RecheckButton tenantId={tenant.id} />
            <DisconnectButton tenantId={tenant.id} tenantName={tenant.displayName} />
          </div>
        </div>
      )}
    </section>
  );
}
