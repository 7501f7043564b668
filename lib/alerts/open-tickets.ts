import "server-only";
import type { Prisma, Severity } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { addAccountsToTicket } from "@/lib/campaigns/service";
import { addSeedRecommendations } from "@/lib/preventive/recommendations";
import { formatTicketNumber } from "@/lib/tickets/format";
import { planAlerts, type AlertPlan } from "./plan";

// Applies an alert plan: alerts added to open tickets, new tickets (one per account, or one
// campaign incident for a wave) opened with the alerts attached as their evidence. Each ticket
// and its alerts commit together, so a crash never leaves an alert pointing nowhere.

const OPEN = ["NEW", "TRIAGED", "CONTAINED", "REOPENED"] as const;
/** The reporter of tickets nobody filed: a user that can never sign in. */
const ALERTS_REPORTER = { email: "alerts@breachdesk.invalid", name: "Microsoft 365 alerts (automatic)" };

export async function alertsReporterId(tx: Prisma.TransactionClient): Promise<string> {
  const user = await tx.user.upsert({
    where: { email: ALERTS_REPORTER.email },
    create: { ...ALERTS_REPORTER, role: "ENGINEER", isActive: false },
    update: {},
    select: { id: true },
  });
  return user.id;
}

/** Lower-case account → its open ticket (primary account or campaign account) in the tenant. */
export async function openTicketsByAccount(
  db: Db | Prisma.TransactionClient,
  tenantId: string,
  upns: string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (upns.length === 0) return map;
  const [primary, campaign] = await Promise.all([
    db.ticket.findMany({
      where: { tenantId, status: { in: [...OPEN] }, affectedUpn: { in: upns } },
      select: { id: true, affectedUpn: true },
      orderBy: { createdAt: "asc" },
    }),
    db.campaignAccount.findMany({
      where: { tenantId, upn: { in: upns }, ticket: { status: { in: [...OPEN] } } },
      select: { ticketId: true, upn: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  for (const c of campaign) if (!map.has(c.upn)) map.set(c.upn, c.ticketId);
  for (const p of primary) if (!map.has(p.affectedUpn)) map.set(p.affectedUpn, p.id);
  return map;
}

type Opening = { upns: string[]; alertIds: string[]; severity: Severity; detectedAt: Date; title: string };

/** Opens one ticket for the accounts (a campaign when more than one) with its alerts attached. */
export async function openAlertTicket(
  db: Db,
  tenantId: string,
  opening: Opening,
  reporterId: string | null,
): Promise<{ id: string; number: number }> {
  return db.$transaction(
    async (tx) => {
      const actorId = reporterId ?? (await alertsReporterId(tx));
      const [primary] = opening.upns;
      const ticket = await tx.ticket.create({
        data: {
          tenantId,
          title: opening.title,
          affectedUpn: primary!,
          symptoms: ["SECURITY_ALERT"],
          symptomsNote: "Opened from Microsoft 365 alerts.",
          detectedAt: opening.detectedAt,
          severity: opening.severity,
          reporterId: actorId,
        },
        select: { id: true, number: true },
      });
      await tx.affectedUser.create({ data: { ticketId: ticket.id, upn: primary!, isPrimary: true, addedById: actorId } });
      if (opening.upns.length > 1) await addAccountsToTicket(tx, { id: ticket.id, tenantId }, opening.upns, "ALERT");
      await tx.tenantAlert.updateMany({ where: { id: { in: opening.alertIds } }, data: { ticketId: ticket.id, status: "TICKETED" } });
      await recordAuditEvent(tx, {
        actorId,
        tenantId,
        ticketId: ticket.id,
        action: "ticket.created",
        target: formatTicketNumber(ticket.number),
        details: { severity: opening.severity, fromAlerts: opening.alertIds.length, accounts: opening.upns.length },
      });
      await addSeedRecommendations(tx, { id: ticket.id, tenantId }, actorId);
      return ticket;
    },
    { timeout: 60_000 },
  );
}

export async function attachAlerts(db: Db, tenantId: string, ticketId: string, alertIds: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.tenantAlert.updateMany({
      where: { id: { in: alertIds }, ticketId: null },
      data: { ticketId, status: "TICKETED" },
    });
    if (count > 0)
      await recordAuditEvent(tx, { tenantId, ticketId, action: "alert.attached", result: "SUCCEEDED", details: { alerts: count } });
  });
}

const titleOf = (upns: string[], first: string) =>
  upns.length > 1 ? `Campaign: ${upns.length} accounts — ${first}` : `${first}: ${upns[0]}`;

/**
 * Routes a tenant's new alerts: those for accounts with an open ticket are added to it (always);
 * the rest open tickets when `open` (AUTOMATIC), else wait as suggestions.
 */
export async function routeNewAlerts(
  db: Db,
  tenantId: string,
  alertIds: string[],
  open: boolean,
): Promise<AlertPlan & { opened: string[] }> {
  const alerts = await db.tenantAlert.findMany({
    where: { id: { in: alertIds }, ticketId: null },
    select: { id: true, upn: true, severity: true, raisedAt: true, title: true },
  });
  const plan = planAlerts(alerts, await openTicketsByAccount(db, tenantId, [...new Set(alerts.map((a) => a.upn))]));
  for (const a of plan.attach) await attachAlerts(db, tenantId, a.ticketId, a.alertIds);
  const opened: string[] = [];
  if (!open) return { ...plan, opened };
  const title = (ids: string[]) => alerts.find((a) => a.id === ids[0])?.title ?? "Microsoft 365 alert";
  if (plan.campaign)
    opened.push(
      (await openAlertTicket(db, tenantId, { ...plan.campaign, title: titleOf(plan.campaign.upns, title(plan.campaign.alertIds)) }, null))
        .id,
    );
  for (const s of plan.single)
    opened.push(
      (
        await openAlertTicket(
          db,
          tenantId,
          {
            upns: [s.upn],
            alertIds: s.alertIds,
            severity: s.severity,
            detectedAt: s.detectedAt,
            title: titleOf([s.upn], title(s.alertIds)),
          },
          null,
        )
      ).id,
    );
  return { ...plan, opened };
}
