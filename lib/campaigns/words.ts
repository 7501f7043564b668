import type { StepState } from "./progress";
import type { CampaignStepKey } from "./step-effects";

// The words the checklist, the report and the dashboard use for campaign steps.

export const CAMPAIGN_STEP_LABELS: Record<CampaignStepKey, string> = {
  "reset-password": "Password reset",
  "enforce-mfa": "MFA enforced",
  "block-sign-in": "Sign-in blocked",
  "revoke-sessions": "Sessions revoked",
};

/** ACCEPTED is what Graph said, not a read of the tenant: "Accepted", never "Verified". */
export const STEP_STATE_WORDS: Record<StepState, string> = {
  IDLE: "Not started",
  QUEUED: "Queued",
  SENDING: "Sending",
  ACCEPTED: "Accepted",
  FAILED: "Failed",
  CANCELLED: "Stopped",
};
