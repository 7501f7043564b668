import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/utils/dates";

// Every event of the ticket, from the audit log. Tenant admins see the customer-facing ones only.
const LABELS: Record<string, string> = {
  "ticket.created": "Incident reported",
  "ticket.assigned": "Assigned",
  "ticket.status_changed": "Status changed",
  "ticket.outcome_updated": "Outcome updated",
  "ticket.intake_edited": "Intake edited",
  "ticket.impact_assessed": "Impact assessed",
  "scope.user_added": "Affected account added",
  "attachment.added": "Evidence attached",
  "scope.domain_saved": "Recipient domain recorded",
  "comment.added": "Comment added",
  "investigation.snapshot": "Evidence snapshot taken",
  "remediation.started": "Remediation started",
};
const PUBLIC_ACTIONS = new Set(["ticket.created", "ticket.status_changed", "ticket.assigned"]);

function describe(action: string, details: Record<string, unknown> | null): string {
  if (action === "ticket.status_changed") return `${String(details?.from ?? "")} → ${String(details?.to ?? "")}${details?.note ? ` (${String(details.note)})` : ""}`;
  if (action === "ticket.assigned") return details?.assignee ? `to ${String(details.assignee)}` : "unassigned";
  if (action === "comment.added") return String(details?.visibility ?? "").toLowerCase();
  if (action.startsWith("checklist.")) return String(details?.step ?? "");
  if (action === "ticket.intake_edited") {
    const changes = (details?.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
    return Object.entries(changes).map(([field, c]) => `${field}: “${String(c.from ?? "")}” → “${String(c.to ?? "")}”`).join("; ");
  }
  return "";
}

export async function Timeline({ db, viewer, ticketId }: { db: Db; viewer: Viewer; ticketId: string }) {
  const isStaff = hasPermission(viewer.role, "comments.readInternal");
  const events = await db.auditEvent.findMany({
    where: { ticketId, ...(isStaff ? {} : { action: { in: [...PUBLIC_ACTIONS] } }) },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, action: true, result: true, details: true, requestIds: true, actor: { select: { name: true } } },
    take: 300,
  });
  return (
    <ol className="space-y-1.5 text-sm" aria-label="Timeline">
      {events.map((e) => {
        const label = LABELS[e.action] ?? (e.action.startsWith("remediation.") ? `Step ${e.action.slice(12)}` : e.action.startsWith("checklist.") ? `Checklist step ${e.action.slice(10).replace("_", " ")}` : e.action);
        return (
          <li key={String(e.seq)} className="grid grid-cols-[11rem_1fr] gap-2">
            <time className="text-xs text-muted-foreground" dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            <span>
              <span className="font-medium">{label}</span> {describe(e.action, e.details as Record<string, unknown> | null)}
              {e.result !== "SUCCEEDED" && <span className="text-xs"> · {e.result.toLowerCase()}</span>}
              <span className="text-xs text-muted-foreground"> · {e.actor?.name ?? "system"}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
