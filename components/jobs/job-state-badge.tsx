import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { JOB_STATE_LABELS, type JobState } from "@/lib/jobs/job-view";

const VARIANTS: Record<JobState, BadgeVariant> = {
  created: "neutral",
  retry: "warning",
  active: "info",
  completed: "success",
  cancelled: "neutral",
  failed: "danger",
};

export function JobStateBadge({ state }: { state: JobState }) {
  return <Badge variant={VARIANTS[state]}>{JOB_STATE_LABELS[state]}</Badge>;
}
