import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import { listAuthMethods } from "@/lib/graph/auth-methods";
import type { TenantGraph } from "@/lib/graph/client";
import { listUserConsents } from "@/lib/graph/consents";
import { listDirectoryAudits, listSignIns } from "@/lib/graph/logs";
import { listInboxRules } from "@/lib/graph/mailbox";
import { listMessageTraces } from "@/lib/graph/message-trace";
import { getRiskyUser } from "@/lib/graph/risk";
import { getTenantGraph } from "@/lib/graph/tenant-graph";
import { getUser } from "@/lib/graph/users";
import { getMfaState } from "@/lib/graph/account";
import { firstSuspiciousSignIn } from "@/lib/investigation/dwell";
import { summariseByDomain } from "@/lib/message-trace/summarise";
import { flagConsents, flagInboxRules, flagSignIns } from "./findings";
import { flagRecentMethods } from "./method-findings";
import { getOpenTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// The evidence snapshot, taken before anything is changed and kept with the ticket (every
// snapshot is a new row, never overwritten: the first is the evidence before any change): every
// section read in parallel; a section that Graph refuses (licence, permission, throttling) is
// recorded as a gap with the reason instead of failing the whole snapshot. Containment takes it
// alongside its writes when none exists yet (`alongside`): none of the sections read here is
// changed by containment (its own audit entries are the app's, not the user's).

const DAY = 86_400_000;

/** Sections that stopped at a limit while Graph had more, with how many rows were read: shown as "first N of more". */
function limitsOf(sections: [name: string, read: { truncated: boolean } | null, rows: number][]): Record<string, number> {
  return Object.fromEntries(sections.filter(([, read]) => read?.truncated).map(([name, , rows]) => [name, rows]));
}

async function section<T>(name: string, gaps: Record<string, string>, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!isAppError(error)) throw error;
    gaps[name] = error.message;
    return null;
  }
}

const NO_MAILBOX = new AppError("INVALID_STATE", "The account has no mail address (no mailbox), so there is no mail to trace.");

export const ALONGSIDE_CONTAINMENT_NOTE = "Taken alongside containment (it reads nothing containment changes)";

export async function takeSnapshot(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string },
  deps: { graph?: TenantGraph; now?: Date; alongside?: "containment" } = {},
) {
  assertCan(viewer, "remediation.run");
  const ticket = await getOpenTicketForViewer(db, viewer, input.ticketId, "take an evidence snapshot", {
    affectedUpn: true,
    detectedAt: true,
    firstSuspiciousAt: true,
    tenant: { select: { primaryDomain: true, disconnectedAt: true } },
  });
  const graph = deps.graph ?? (await getTenantGraph(db, ticket.tenantId));
  const now = deps.now ?? new Date();
  const user = await getUser(graph, ticket.affectedUpn);
  if (!user) throw new AppError("INVALID_STATE", `${ticket.affectedUpn} does not exist in the tenant, so there is no evidence to collect.`);

  const gaps: Record<string, string> = {};
  const since = new Date(ticket.detectedAt.getTime() - 30 * DAY);
  const traceStart = new Date(Math.max(ticket.detectedAt.getTime() - 7 * DAY, now.getTime() - 10 * DAY));
  const [signIns, rules, methods, consents, audits, risk, trace, mfa] = await Promise.all([
    section("signIns", gaps, () => listSignIns(graph, user.id, since)),
    section("inboxRules", gaps, () => listInboxRules(graph, user.id)),
    section("authMethods", gaps, () => listAuthMethods(graph, user.id)),
    section("consents", gaps, () => listUserConsents(graph, user.id)),
    section("directoryAudits", gaps, () => listDirectoryAudits(graph, user.id, since)),
    section("risk", gaps, () => getRiskyUser(graph, user.id)),
    // Exchange traces the primary SMTP address (`mail`), which need not be the UPN.
    section("messageTrace", gaps, () =>
      user.mail ? listMessageTraces(graph, { senderAddress: user.mail, startDate: traceStart, endDate: now }) : Promise.reject(NO_MAILBOX),
    ),
    // Per-user MFA before containment; taken alongside containment it could read the new state, so not then.
    deps.alongside ? Promise.resolve(null) : section("perUserMfa", gaps, () => getMfaState(graph, user.id)),
  ]);

  const signInFindings = signIns ? flagSignIns(signIns.signIns) : null;
  const findings = {
    signIns: signInFindings,
    inboxRules: rules ? flagInboxRules(rules.rules) : null,
    // Undated methods are judged by the audit's "registered security info" events (method-findings.ts).
    authMethods: methods ? flagRecentMethods(methods.methods, ticket.detectedAt, audits?.audits ?? null) : null,
    consents: consents ? flagConsents(consents.consents) : null,
    risk: risk?.risk ?? null,
    recipientDomains: trace
      ? summariseByDomain(
          trace.traces.map((t) => ({
            traceId: t.id,
            recipient: t.recipientAddress,
            recipientDomain: t.recipientAddress.split("@")[1] ?? "",
            status: t.status,
            receivedAt: t.receivedAt,
          })),
          ticket.tenant.primaryDomain,
        ).map((d) => ({
          domain: d.domain,
          isInternal: d.isInternal,
          messages: d.messageCount,
          recipients: d.recipientCount,
          byStatus: d.byStatus,
        }))
      : null,
    limits: limitsOf([
      ["signIns", signIns, signIns?.signIns.length ?? 0],
      ["inboxRules", rules, rules?.rules.length ?? 0],
      ["authMethods", methods, methods?.methods.length ?? 0],
      ["consents", consents, consents?.consents.length ?? 0],
      ["directoryAudits", audits, audits?.audits.length ?? 0],
      ["messageTrace", trace, trace?.traces.length ?? 0],
    ]),
  };
  const data = {
    takenAlongside: deps.alongside ?? null,
    user,
    window: { since: since.toISOString(), traceStart: traceStart.toISOString(), until: now.toISOString() },
    signIns: signIns?.signIns ?? null,
    inboxRules: rules?.rules ?? null,
    authMethods: methods?.methods ?? null,
    consents: consents?.consents ?? null,
    directoryAudits: audits?.audits ?? null,
    messageTraceCount: trace?.traces.length ?? null,
    senderAddress: user.mail,
    perUserMfaState: mfa?.state ?? null,
  };
  const requestIds = [signIns, rules, methods, consents, audits, trace]
    .flatMap((s) => s?.requestIds ?? [])
    .concat([risk?.requestId, mfa?.requestId].filter((id): id is string => Boolean(id)));
  // Dwell time starts at the first successful suspicious sign-in (one definition: lib/investigation/dwell.ts).
  const firstSuspiciousAt = firstSuspiciousSignIn(
    (signInFindings?.flagged ?? []).map((f) => ({ at: new Date(f.at), succeeded: f.succeeded })),
  ).firstSuccessful;

  const notes =
    [deps.alongside ? ALONGSIDE_CONTAINMENT_NOTE : null, Object.keys(gaps).length ? `Gaps: ${Object.keys(gaps).join(", ")}` : null]
      .filter(Boolean)
      .join(". ") || null;
  return db.$transaction(async (tx) => {
    const snapshot = await tx.investigationSnapshot.create({
      data: {
        ticketId: ticket.id,
        takenById: viewer.id,
        data: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
        findings: JSON.parse(JSON.stringify(findings)) as Prisma.InputJsonValue,
        gaps: Object.keys(gaps).length ? gaps : undefined,
        requestIds,
      },
      select: { id: true, takenAt: true },
    });
    if (firstSuspiciousAt && !ticket.firstSuspiciousAt) await tx.ticket.update({ where: { id: ticket.id }, data: { firstSuspiciousAt } });
    // The step was done by the first snapshot (the evidence before any change); later ones are
    // kept beside it and never take its place.
    const step = await tx.checklistStep.findUnique({
      where: { ticketId_key: { ticketId: ticket.id, key: "snapshot" } },
      select: { state: true },
    });
    if (step?.state !== "DONE") {
      await tx.checklistStep.upsert({
        where: { ticketId_key: { ticketId: ticket.id, key: "snapshot" } },
        create: { ticketId: ticket.id, key: "snapshot", state: "DONE", doneById: viewer.id, doneAt: snapshot.takenAt, notes },
        update: { state: "DONE", doneById: viewer.id, doneAt: snapshot.takenAt, notes, reason: null },
      });
    }
    await recordTicketEvent(tx, viewer.id, ticket, {
      action: "investigation.snapshot",
      requestIds: requestIds.slice(0, 50),
      details: { snapshotId: snapshot.id, gaps: Object.keys(gaps), alongside: deps.alongside ?? null },
    });
    return { id: snapshot.id, findings, gaps };
  });
}
