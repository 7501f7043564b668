import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { getAuditChainOverview } from "@/lib/audit-admin/chain-admin";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/utils/dates";
import { AttestButton, VerifyNowButton } from "./chain-buttons";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, { label: string; variant: BadgeVariant }> = {
  INTACT: { label: "Intact", variant: "success" },
  BROKEN: { label: "Broken", variant: "danger" },
  UNATTESTED: { label: "Unattested history", variant: "warning" },
};

const KIND: Record<string, string> = {
  STARTUP: "at start-up",
  SCHEDULED: "on schedule",
  MANUAL: "on demand",
  REPORT: "before a report (recent events only)",
};

export default async function AuditChainPage() {
  const viewer = await authorizePage("audit.verify", "/admin/audit");
  const { lastRun, lastFull, events, head, keyedAt } = await getAuditChainOverview(await getDb(), viewer);
  const status = lastFull ? STATUS[lastFull.status]! : null;
  return (
    <div className="max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="text-sm text-muted-foreground">
          Every change is recorded in an append-only log whose events are chained by a keyed hash (AUDIT_CHAIN_KEY, kept outside the
          database). The whole chain is verified at start-up and on demand; closing a ticket verifies the events since the last check and
          the ticket&apos;s own. A changed, removed, inserted or reordered event breaks the chain from that event on.
        </p>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-muted-foreground">State</dt>
        <dd>{status ? <Badge variant={status.variant}>{status.label}</Badge> : <Badge>Not verified yet</Badge>}</dd>
        <dt className="text-muted-foreground">Last full verification</dt>
        <dd>
          {lastFull
            ? `${formatDateTime(lastFull.finishedAt)} (${KIND[lastFull.kind] ?? lastFull.kind}), ${lastFull.eventCount.toLocaleString("en")} events checked`
            : "Never"}
        </dd>
        {lastRun && lastRun.id !== lastFull?.id && (
          <>
            <dt className="text-muted-foreground">Last check</dt>
            <dd>{`${formatDateTime(lastRun.finishedAt)} (${KIND[lastRun.kind] ?? lastRun.kind})`}</dd>
          </>
        )}
        <dt className="text-muted-foreground">Events in the log</dt>
        <dd>
          {events.toLocaleString("en")}
          {head ? `, the latest #${head.seq} at ${formatDateTime(head.at)}` : ""}
        </dd>
        {keyedAt && (
          <>
            <dt className="text-muted-foreground">Unkeyed history attested</dt>
            <dd>{`#${keyedAt.seq} at ${formatDateTime(keyedAt.at)}${keyedAt.actor ? ` by ${keyedAt.actor.name}` : ""}`}</dd>
          </>
        )}
      </dl>
      {lastFull?.status === "BROKEN" && lastFull.brokenSeq !== null && (
        <Alert variant="destructive">
          <p className="font-medium">{`First broken event: #${lastFull.brokenSeq}${lastFull.brokenAt ? `, recorded as ${formatDateTime(lastFull.brokenAt)}` : ""}.`}</p>
          <p>{`It fails because ${lastFull.brokenReason ?? "it does not verify"}. Events from there on cannot be trusted, and reports cannot be closed. Compare the database with a backup from before that time, restore it if needed, then verify again.`}</p>
        </Alert>
      )}
      {lastFull?.status === "UNATTESTED" && (
        <Alert>
          <p>{`The first ${lastFull.legacyCount} events were written before the chain had a key, and nothing keyed vouches for them yet. Attest them once, after an upgrade from a version without AUDIT_CHAIN_KEY. If this database already ran with a key, do not attest: a chain rewritten in the old keyless form also looks like this.`}</p>
          <div className="mt-2">
            <AttestButton events={lastFull.legacyCount} />
          </div>
        </Alert>
      )}
      <VerifyNowButton />
    </div>
  );
}
