import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import type { TenantGraph } from "@/lib/graph/client";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { isItemStep } from "./eradication";
import { resolveItem } from "./flagged-items";
import { previousResetAt } from "./record";
import type { StepParams } from "./step-operations";
import { VERIFY_BOUND_MS } from "./verification-schedule";
import { verifyUntil, type Verifying } from "./verify-loop";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";

// Confirming accepted writes later. A step left Verifying… (its run ended, or its browser went
// away) or Unconfirmed is re-read here — by the page right after a run (settle: until the run's
// bound), by the "Check again" button (one read), and by the job queue when its nextCheckAt is due
// (recheckDueSteps; the schedule is in verification-schedule.ts). Everything it needs is in the
// database: the stored action says what was written and when.

const TO_CONFIRM = ["VERIFYING", "UNCONFIRMED", "UNKNOWN"];

type Ticket = { id: string; tenantId: string; affectedUpn: string; status: string };

/** The latest action of each checklist row still to confirm (accepted or unanswered writes only). */
async function actionsToConfirm(db: Db, ticketId: string) {
  const rows = await db.checklistStep.findMany({
    where: { ticketId, state: { in: TO_CONFIRM }, lastActionId: { not: null } },
    select: { lastActionId: true },
  });
  return db.remediationAction.findMany({
    where: { id: { in: rows.map((r) => r.lastActionId!) }, status: { in: ["SUCCEEDED", "UNKNOWN"] } },
    select: {
      id: true,
      kind: true,
      status: true,
      params: true,
      startedAt: true,
      requestIds: true,
      clientRequestIds: true,
      errorMessage: true,
      checks: true,
      verifyingUntil: true,
    },
  });
}

async function verifyingOf(
  db: Db,
  graph: TenantGraph,
  ticket: Ticket,
  actions: Awaited<ReturnType<typeof actionsToConfirm>>,
): Promise<Verifying[]> {
  const user = await getUser(graph, ticket.affectedUpn);
  if (!user) return [];
  return Promise.all(
    actions.map(async (a): Promise<Verifying> => {
      const item = isItemStep(a.kind) ? await resolveItem(db, ticket, a.kind, (a.params ?? {}) as StepParams) : { item: null, targets: [] };
      const previous =
        a.kind === "reset-password"
          ? await previousResetAt(db, { tenantId: ticket.tenantId, target: ticket.affectedUpn, excludeIds: [a.id] })
          : null;
      return {
        actionId: a.id,
        stepKey: a.kind,
        status: a.status === "UNKNOWN" ? "UNKNOWN" : "SUCCEEDED",
        ctx: {
          upn: ticket.affectedUpn,
          userId: user.id,
          item: item.item,
          targets: item.targets,
          startedAt: a.startedAt,
          previousResetAt: previous,
          run: { requestId: a.requestIds[0] ?? null },
        },
        outcome: { requestIds: a.requestIds, clientRequestIds: a.clientRequestIds, errorMessage: a.errorMessage },
      };
    }),
  );
}

export type ConfirmResult = { checked: number; confirmed: number; contained: boolean };

/**
 * Re-reads what one ticket still has to confirm and records it. `forMs` 0 = one read; otherwise
 * keep reading (within VERIFY_BOUND_MS) until it shows. actorId null = the job queue. A closed
 * ticket is left alone (it is read-only).
 */
export async function confirmTicketSteps(
  db: Db,
  ticketId: string,
  actorId: string | null,
  options: { forMs: number; graph?: TenantGraph },
): Promise<ConfirmResult> {
  const nothing = { checked: 0, confirmed: 0, contained: false };
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { id: true, tenantId: true, affectedUpn: true, status: true },
  });
  if (!ticket) return nothing;
  const actions = ticket.status === "CLOSED" ? [] : await actionsToConfirm(db, ticket.id);
  // Schedules nobody will act on (a newer run of the step, a closed ticket) are dropped.
  await db.remediationAction.updateMany({
    where: { ticketId: ticket.id, nextCheckAt: { not: null }, id: { notIn: actions.map((a) => a.id) } },
    data: { nextCheckAt: null },
  });
  if (actions.length === 0) return nothing;
  const graph = options.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const steps = await verifyingOf(db, graph, ticket, actions);
  if (steps.length === 0) {
    // The account is gone from the tenant: nothing left to read back.
    await db.remediationAction.updateMany({ where: { id: { in: actions.map((a) => a.id) } }, data: { nextCheckAt: null } });
    return nothing;
  }
  // First record and end of the first run count two; each automatic re-check one more.
  const laterChecks = Math.max(0, Math.min(...actions.map((a) => a.checks)) - 2);
  const scope = { ticketId: ticket.id, tenantId: ticket.tenantId, actorId, target: ticket.affectedUpn };
  const { outcomes, contained } = await verifyUntil(
    db,
    graph,
    scope,
    steps,
    new Date(Date.now() + Math.min(options.forMs, VERIFY_BOUND_MS)),
    laterChecks,
  );
  return { checked: steps.length, confirmed: outcomes.filter((o) => o.verified === true).length, contained };
}

/**
 * The engineer's side: right after a run ("settle": keep reading until the run's bound) or the
 * "Check again" button ("check": one read). Scoped to the tickets the viewer may see.
 */
export async function verifyTicketSteps(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; mode: "settle" | "check" },
  deps: { graph?: TenantGraph } = {},
): Promise<ConfirmResult> {
  assertCan(viewer, "remediation.run");
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, { id: true });
  let forMs = 0;
  if (input.mode === "settle") {
    const latest = await db.remediationAction.findFirst({
      where: { ticketId: ticket.id, verifyingUntil: { not: null } },
      orderBy: { verifyingUntil: "desc" },
      select: { verifyingUntil: true },
    });
    forMs = Math.max(0, (latest?.verifyingUntil?.getTime() ?? 0) - Date.now());
  }
  return confirmTicketSteps(db, ticket.id, viewer.id, { forMs, graph: deps.graph });
}

/**
 * For the job queue (lib/jobs, once it lands): every ticket with a re-check due, one read each.
 * Returns how many tickets it went through; a ticket that fails is left for its next schedule.
 */
export async function recheckDueSteps(
  db: Db,
  now = new Date(),
  deps: { graphFor?: (tenantId: string) => Promise<TenantGraph> } = {},
): Promise<{ tickets: number; failed: number }> {
  const due = await db.remediationAction.findMany({
    where: { nextCheckAt: { lte: now }, ticketId: { not: null } },
    distinct: ["ticketId"],
    select: { ticketId: true, tenantId: true },
  });
  let failed = 0;
  for (const { ticketId, tenantId } of due) {
    try {
      await confirmTicketSteps(db, ticketId!, null, { forMs: 0, graph: deps.graphFor ? await deps.graphFor(tenantId) : undefined });
    } catch {
      failed += 1;
    }
  }
  return { tickets: due.length, failed };
}
