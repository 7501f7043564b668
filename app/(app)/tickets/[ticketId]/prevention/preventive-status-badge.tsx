import { Badge } from "@/components/ui/badge";
import { PREVENTIVE_STATUS_LABELS, type PreventiveStatus } from "@/lib/preventive/schemas";

export function PreventiveStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant={status === "DONE" ? "success" : status === "IN_PROGRESS" ? "info" : "neutral"}>
      {PREVENTIVE_STATUS_LABELS[status as PreventiveStatus] ?? status}
    </Badge>
  );
}
