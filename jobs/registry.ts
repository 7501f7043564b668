import type { AnyJobKind } from "@/lib/jobs/define-job";
import { sendMailJob } from "@/lib/notifications/jobs";
import { pollAlertsJob, pollTenantAlertsJob } from "@/lib/alerts/jobs";
import { containCampaignAccountJob, verifyCampaignAccountJob } from "@/lib/campaigns/jobs";
import { recheckDueStepsJob } from "@/lib/remediation/jobs";
import { recheckConnectionsJob } from "@/lib/tenants/jobs";
import { verifyAuditChainJob } from "./audit-chain";
import { purgeSignInStateJob } from "./housekeeping";

// Every job kind the workers run, in one place. lib/jobs knows no domain; this file is the only
// one that brings the kinds together (the server's instrumentation and `npm run worker` read it).
// A kind is defined next to its domain service (lib/<domain>/jobs.ts) — or here, in jobs/, for a
// folder lib/jobs itself depends on (lib/auth) — and added to this list. See docs/jobs.md.
export const JOB_KINDS: readonly AnyJobKind[] = [
  purgeSignInStateJob,
  verifyAuditChainJob,
  recheckConnectionsJob,
  recheckDueStepsJob,
  sendMailJob,
  containCampaignAccountJob,
  verifyCampaignAccountJob,
  pollAlertsJob,
  pollTenantAlertsJob,
];

/** Kind name → label, for the admin page. */
export const JOB_KIND_LABELS: Readonly<Record<string, string>> = Object.fromEntries(JOB_KINDS.map((k) => [k.name, k.label]));
