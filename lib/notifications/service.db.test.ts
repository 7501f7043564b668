import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { JobQueue } from "@/lib/jobs/queue";
import { setProcessJobQueue } from "@/lib/jobs/queue";
import { addComment } from "@/lib/comments/service";
import { assignTicket, transitionTicket } from "@/lib/workflow/service";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { openTestQueue, waitFor } from "@/tests/support/job-queue";
import { startSmtpSink } from "@/tests/support/smtp-sink";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { sendMailJob } from "./jobs";
import { getNotificationBar, listNotifications, ticketsWithUnread } from "./queries";
import { markNotificationsRead, notifyTicketEvent, saveNotificationPreferences } from "./service";

/** Soft line breaks and =XX escapes of a quoted-printable body, enough to read a link. */
const decodeQuotedPrintable = (s: string) =>
  s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

// Notifications are written by the services that record the event, in their transaction, to
// those who may see the ticket; mail goes out through a real SMTP server on loopback.

describe.each(testDbKinds())("notifications on %s", (kind) => {
  let t: TestDb;
  let queue: JobQueue;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let engineer: Viewer,
    otherEngineer: Viewer,
    fabrikamEngineer: Viewer,
    manager: Viewer,
    admin: Viewer,
    secondAdmin: Viewer,
    fabrikamAdmin: Viewer;
  let contosoId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    smtp = await startSmtpSink();
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example");
    queue = await openTestQueue(t, [sendMailJob], true);
    setProcessJobQueue(queue);
    contosoId = (await seedTenant(t.db)).id;
    const fabrikamId = (await seedTenant(t.db)).id;
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    otherEngineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
    const onlyFabrikam = await seedUser(t.db, { role: "ENGINEER", servesAllTenants: false });
    await t.db.tenantEngineer.create({ data: { tenantId: fabrikamId, userId: onlyFabrikam.id } });
    fabrikamEngineer = viewerOf(onlyFabrikam);
    manager = viewerOf(await seedUser(t.db, { role: "MANAGER" }));
    admin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    secondAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contosoId }));
    fabrikamAdmin = viewerOf(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikamId }));
  });
  afterAll(async () => {
    setProcessJobQueue(undefined);
    await queue?.close();
    await smtp?.close();
    vi.unstubAllEnvs();
    await t?.close();
  });

  const newTicket = () => seedTicket(t.db, { tenantId: contosoId, reporterId: admin.id });
  const kindsOf = async (userId: string, ticketId: string) =>
    (await t.db.notification.findMany({ where: { userId, ticketId }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);

  it("picking up tells the tenant's admins and the assignee, not the actor nor another tenant", async () => {
    const ticket = await newTicket();
    await assignTicket(t.db, otherEngineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 1 });
    expect(await kindsOf(admin.id, ticket.id)).toEqual(["ticket.picked-up"]);
    expect(await kindsOf(secondAdmin.id, ticket.id)).toEqual(["ticket.picked-up"]);
    expect(await kindsOf(engineer.id, ticket.id)).toEqual(["ticket.assigned"]);
    expect(await kindsOf(otherEngineer.id, ticket.id)).toEqual([]);
    expect(await kindsOf(fabrikamAdmin.id, ticket.id)).toEqual([]);
    const [first] = await listNotifications(t.db, admin);
    expect(first).toMatchObject({
      ticketId: ticket.id,
      summary: expect.stringContaining(`was picked up by ${otherEngineer.name}`),
      href: `/tickets/${ticket.id}`,
    });
  });

  it("writes nothing when the event's transaction rolls back", async () => {
    const ticket = await newTicket();
    await expect(
      t.db.$transaction(async (tx) => {
        await notifyTicketEvent(tx, { kind: "ticket.contained", ticketId: ticket.id, actorId: engineer.id });
        throw new Error("the event failed after telling people");
      }),
    ).rejects.toThrow();
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await t.db.outgoingMail.count({ where: { ticketId: ticket.id } })).toBe(0);
    // A stale version is a conflict: the assignment and its notifications do not happen.
    await expect(assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 7 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("tells only engineers who serve the tenant about an approval request", async () => {
    const ticket = await newTicket();
    await t.db.$transaction((tx) =>
      notifyTicketEvent(tx, { kind: "approval.requested", ticketId: ticket.id, actorId: engineer.id, detail: "block sign-in" }),
    );
    expect(await kindsOf(otherEngineer.id, ticket.id)).toEqual(["approval.requested"]);
    expect(await kindsOf(admin.id, ticket.id)).toEqual(["approval.requested"]);
    expect(await kindsOf(fabrikamEngineer.id, ticket.id)).toEqual([]);
    expect(await kindsOf(engineer.id, ticket.id)).toEqual([]);
    expect(await kindsOf(manager.id, ticket.id)).toEqual([]);
  });

  it("a public update mails the tenant admins a link and no comment text; an internal note tells nobody", async () => {
    const ticket = await newTicket();
    await addComment(t.db, engineer, { ticketId: ticket.id, body: "Internal: the attacker's IP is 203.0.113.9", visibility: "INTERNAL" });
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(0);
    await addComment(t.db, engineer, { ticketId: ticket.id, body: "Your temporary password is Hunter2!", visibility: "PUBLIC" });
    const mails = await waitFor(async () => {
      const got = smtp.received.filter((m) => m.raw.includes(ticket.id));
      return got.length === 2 ? got : undefined;
    }, "two mails on the SMTP server");
    expect(mails.map((m) => m.to[0]).sort()).toEqual([admin.email, secondAdmin.email].sort());
    for (const m of mails.map((x) => ({ ...x, raw: decodeQuotedPrintable(x.raw) }))) {
      expect(m.raw).toMatch(/Subject: \[Breachdesk\] INC-\d+: new update from/);
      expect(m.raw).toContain(`https://desk.example/tickets/${ticket.id}`);
      expect(m.raw).not.toContain("Hunter2");
      expect(m.raw).not.toContain("203.0.113.9");
    }
    // The server has the mail before the job records it as sent.
    await waitFor(
      async () => ((await t.db.outgoingMail.count({ where: { ticketId: ticket.id, status: "SENT" } })) === 2 ? true : undefined),
      "both mails recorded as sent",
    );
    // The tenant admin's reply goes to the engineer working the ticket.
    await assignTicket(t.db, engineer, { ticketId: ticket.id, assigneeId: engineer.id, version: 1 });
    await addComment(t.db, admin, { ticketId: ticket.id, body: "Thanks", visibility: "PUBLIC" });
    expect(await kindsOf(engineer.id, ticket.id)).toEqual(["ticket.public-update"]);
  });

  it("a failed send is recorded and retried, and never fails the action", async () => {
    smtp.setReject(true);
    try {
      const ticket = await seedTicket(t.db, { tenantId: contosoId, reporterId: admin.id, status: "CONTAINED", assigneeId: engineer.id });
      await transitionTicket(t.db, engineer, { ticketId: ticket.id, transition: "resolve", version: 1 });
      expect(await kindsOf(admin.id, ticket.id)).toEqual(["ticket.resolved"]);
      const failed = await waitFor(async () => {
        const rows = await t.db.outgoingMail.findMany({ where: { ticketId: ticket.id, attempts: { gte: 1 } } });
        return rows.length === 2 ? rows : undefined;
      }, "the first attempts");
      expect(failed.every((m) => m.status === "QUEUED" && /SMTP server did not take the mail \(.*reply 451/.test(m.lastError ?? ""))).toBe(
        true,
      );
      const jobs = await t.db.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state::text AS state FROM pgboss.job WHERE name = 'notifications.send-mail' AND data->'refs'->>'ticketId' = $1`,
        ticket.id,
      );
      expect(jobs.map((j) => j.state)).toEqual(["retry", "retry"]);
    } finally {
      smtp.setReject(false);
    }
  });

  it("respects each user's switches, per kind and channel", async () => {
    await saveNotificationPreferences(t.db, secondAdmin, [
      { kind: "ticket.contained", inApp: false, email: false },
      { kind: "ticket.resolved", inApp: true, email: false },
    ]);
    await expect(
      saveNotificationPreferences(t.db, secondAdmin, [{ kind: "report.submitted", inApp: false, email: false }]),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const ticket = await newTicket();
    await t.db.$transaction((tx) => notifyTicketEvent(tx, { kind: "ticket.contained", ticketId: ticket.id, actorId: engineer.id }));
    await t.db.$transaction((tx) => notifyTicketEvent(tx, { kind: "ticket.resolved", ticketId: ticket.id, actorId: engineer.id }));
    expect(await kindsOf(secondAdmin.id, ticket.id)).toEqual(["ticket.resolved"]);
    expect(await kindsOf(admin.id, ticket.id)).toEqual(["ticket.contained", "ticket.resolved"]);
    const mailed = await t.db.outgoingMail.findMany({ where: { ticketId: ticket.id }, select: { toAddress: true } });
    expect(mailed.map((m) => m.toAddress)).toEqual([admin.email, admin.email]);
  });

  it("counts unread per viewer, marks read only the viewer's own, and hides tickets out of scope", async () => {
    const ticket = await newTicket();
    await t.db.$transaction((tx) => notifyTicketEvent(tx, { kind: "approval.requested", ticketId: ticket.id, actorId: engineer.id }));
    const before = (await getNotificationBar(t.db, admin)).unread;
    expect(before).toBeGreaterThan(0);
    expect(await ticketsWithUnread(t.db, admin, [ticket.id])).toEqual(new Set([ticket.id]));
    const theirs = await t.db.notification.findFirstOrThrow({ where: { userId: otherEngineer.id, ticketId: ticket.id } });
    expect((await markNotificationsRead(t.db, admin, { ids: [theirs.id] })).count).toBe(0);
    await markNotificationsRead(t.db, admin, { ticketId: ticket.id });
    expect(await ticketsWithUnread(t.db, admin, [ticket.id])).toEqual(new Set());
    await markNotificationsRead(t.db, admin, { all: true });
    expect((await getNotificationBar(t.db, admin)).unread).toBe(0);
    // Told while serving the tenant, the engineer no longer sees it once moved off the tenant.
    expect((await getNotificationBar(t.db, otherEngineer)).unread).toBeGreaterThan(0);
    await t.db.user.update({ where: { id: otherEngineer.id }, data: { servesAllTenants: false } });
    expect((await getNotificationBar(t.db, { ...otherEngineer, servesAllTenants: false })).unread).toBe(0);
    await t.db.user.update({ where: { id: otherEngineer.id }, data: { servesAllTenants: true } });
  });

  it("closing tells the managers a report waits", async () => {
    const ticket = await newTicket();
    await t.db.$transaction((tx) =>
      notifyTicketEvent(tx, { kind: "report.submitted", ticketId: ticket.id, actorId: engineer.id, detail: "1" }),
    );
    expect(await kindsOf(manager.id, ticket.id)).toEqual(["report.submitted"]);
    expect(await kindsOf(admin.id, ticket.id)).toEqual([]);
  });
});
