import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { CONFLICT_MESSAGE } from "@/lib/conflict";
import { listPreventiveItems } from "./queries";
import { ZAddPreventiveItemInput, ZUpdatePreventiveItemInput } from "./schemas";
import { addPreventiveItem, updatePreventiveItem } from "./service";
import { viewerOf as asViewer } from "@/tests/support/viewer";

describe.each(testDbKinds())("preventive items on %s", (kind) => {
  let t: TestDb;
  let engineer: Viewer;
  let manager: Viewer;
  let contosoAdmin: Viewer;
  let fabrikamAdmin: Viewer;
  let newTicket: () => Promise<{ id: string }>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const contoso = await seedTenant(t.db);
    const fabrikam = await seedTenant(t.db);
    engineer = asViewer(await seedUser(t.db, { role: "ENGINEER" }));
    manager = asViewer(await seedUser(t.db, { role: "MANAGER" }));
    contosoAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: contoso.id }));
    fabrikamAdmin = asViewer(await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: fabrikam.id }));
    newTicket = () => seedTicket(t.db, { tenantId: contoso.id, reporterId: contosoAdmin.id });
  });
  afterAll(() => t.close());

  it("adds custom items and updates owner, status and due date with optimistic locking", async () => {
    const ticket = await newTicket();
    const input = ZAddPreventiveItemInput.parse({
      ticketId: ticket.id,
      title: " Block legacy authentication ",
      owner: "",
      dueAt: "2026-04-30",
      notes: "",
    });
    expect(input).toMatchObject({ title: "Block legacy authentication", owner: undefined, notes: undefined });
    const item = await addPreventiveItem(t.db, engineer, input);
    const update = ZUpdatePreventiveItemInput.parse({
      itemId: item.id,
      updatedAt: item.updatedAt.toISOString(),
      title: "Block legacy authentication",
      owner: "Contoso IT",
      status: "IN_PROGRESS",
      dueAt: "2026-05-15",
      notes: "",
    });
    await updatePreventiveItem(t.db, engineer, update);
    await expect(updatePreventiveItem(t.db, engineer, { ...update, status: "DONE" })).rejects.toMatchObject({ code: "CONFLICT" });
    const [saved] = await listPreventiveItems(t.db, contosoAdmin, ticket.id);
    expect(saved).toMatchObject({ owner: "Contoso IT", status: "IN_PROGRESS", dueAt: new Date("2026-05-15T00:00:00Z"), notes: null });
    const actions = (await t.db.auditEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["preventive.added", "preventive.updated"]);
  });

  it("refuses managers and tenant admins (FORBIDDEN), answers NOT_FOUND for unknown items and hides another tenant's", async () => {
    const ticket = await newTicket();
    const input = ZAddPreventiveItemInput.parse({ ticketId: ticket.id, title: "Train staff" });
    await expect(addPreventiveItem(t.db, manager, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPreventiveItem(t.db, contosoAdmin, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const item = await addPreventiveItem(t.db, engineer, input);
    const update = ZUpdatePreventiveItemInput.parse({
      itemId: item.id,
      updatedAt: item.updatedAt.toISOString(),
      title: "x",
      status: "DONE",
    });
    await expect(updatePreventiveItem(t.db, fabrikamAdmin, update)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePreventiveItem(t.db, engineer, { ...update, itemId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await listPreventiveItems(t.db, fabrikamAdmin, ticket.id)).toEqual([]);
  });

  it("answers a stale save with the shared conflict message", async () => {
    const item = await addPreventiveItem(
      t.db,
      engineer,
      ZAddPreventiveItemInput.parse({ ticketId: (await newTicket()).id, title: "Review protocols" }),
    );
    const update = ZUpdatePreventiveItemInput.parse({
      itemId: item.id,
      updatedAt: item.updatedAt.toISOString(),
      title: "Review protocols",
      status: "IN_PROGRESS",
    });
    await updatePreventiveItem(t.db, engineer, update);
    await expect(updatePreventiveItem(t.db, engineer, { ...update, status: "DONE" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: CONFLICT_MESSAGE,
    });
  });

  it("refuses new and changed items on a closed ticket", async () => {
    const ticket = await newTicket();
    const item = await addPreventiveItem(t.db, engineer, ZAddPreventiveItemInput.parse({ ticketId: ticket.id, title: "Enforce MFA" }));
    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const closed = { code: "INVALID_STATE", message: expect.stringContaining("The ticket is closed") };
    await expect(
      addPreventiveItem(t.db, engineer, ZAddPreventiveItemInput.parse({ ticketId: ticket.id, title: "Late" })),
    ).rejects.toMatchObject(closed);
    const update = ZUpdatePreventiveItemInput.parse({
      itemId: item.id,
      updatedAt: item.updatedAt.toISOString(),
      title: "Enforce MFA",
      status: "DONE",
    });
    await expect(updatePreventiveItem(t.db, engineer, update)).rejects.toMatchObject(closed);
    expect((await listPreventiveItems(t.db, engineer, ticket.id)).map((i) => [i.title, i.status])).toEqual([["Enforce MFA", "OPEN"]]);
  });
});
