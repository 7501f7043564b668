import { Badge } from "@/components/ui/badge";
import type { Severity, TicketStatus } from "@/generated/prisma/enums";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/tickets/format";

const STATUS_VARIANT = {
  NEW: "info",
  TRIAGED: "warning",
  CONTAINED: "success",
  RESOLVED: "success",
  CLOSED: "neutral",
  REOPENED: "danger",
} as const satisfies Record<TicketStatus, string>;

const SEVERITY_VARIANT = {
  LOW: "neutral",
  MEDIUM: "info",
  HIGH: "warning",
  CRITICAL: "danger",
} as const satisfies Record<Severity, string>;

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <Badge variant={STATUS_VARIANT[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge variant={SEVERITY_VARIANT[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}
