import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { snapshotReport } from "@/lib/reports/snapshot";
import { seedTenant, seedTicket, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { viewerOf } from "@/tests/support/viewer";
import { canonicalJson, computeLegacyHash, GENESIS_HASH, type AuditContent } from "./chain";
import { attestUnkeyedHistory, getAuditChainOverview } from "@/lib/audit-admin/chain-admin";
import { recordAuditEvent } from "./record";
import { findBrokenEventForReport, verifyAuditChain } from "./verify";

// The audit chain tampered with as the database owner could: triggers disabled, rows changed with
// SQL. Every kind of tampering is found, the report refuses to close, and the triggers refuse
// UPDATE, DELETE and TRUNCATE while enabled.

const CONTENT_FIELDS = {
  at: true,
  actorId: true,
  tenantId: true,
  ticketId: true,
  action: true,
  target: true,
  result: true,
  details: true,
  requestIds: true,
} as const;

describe.each(testDbKinds())("audit chain verification on %s", (kind) => {
  let t: TestDb;
  let ticketId: string;
  let admin: Viewer;

  beforeEach(async () => {
    t = await createTestDb(kind);
    const tenant = await seedTenant(t.db);
    const reporter = await seedUser(t.db, { role: "TENANT_ADMIN", tenantId: tenant.id });
    admin = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    ticketId = (await seedTicket(t.db, { tenantId: tenant.id, reporterId: reporter.id })).id;
    for (let i = 1; i <= 6; i++) {
      await t.db.$transaction((tx) =>
        recordAuditEvent(tx, {
          ticketId: i % 2 ? ticketId : null,
          tenantId: tenant.id,
          action: `test.event_${i}`,
          target: `T-${i}`,
          details: { i },
        }),
      );
    }
  });
  afterEach(() => t.close());

  const seqs = async () => (await t.db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((r) => r.seq);
  /** What a tamperer with the owner role does: switch the append-only triggers off, then edit. */
  async function asOwner(edit: () => Promise<unknown>) {
    await t.db.$executeRaw`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`;
    try {
      await edit();
    } finally {
      await t.db.$executeRaw`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`;
    }
  }
  const closeRefused = () => t.db.$transaction((tx) => snapshotReport(tx, { ticketId, actorId: admin.id }));

  it("finds an intact chain intact, records the run and lets a report be snapshotted", async () => {
    const run = await verifyAuditChain(t.db, "STARTUP");
    expect(run).toMatchObject({ status: "INTACT", eventCount: 6, legacyCount: 0, brokenSeq: null });
    await expect(t.db.$transaction((tx) => snapshotReport(tx, { ticketId, actorId: admin.id }))).resolves.toMatchObject({ version: 1 });
    expect((await getAuditChainOverview(t.db, admin)).lastFull).toMatchObject({ status: "INTACT", kind: "STARTUP" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE while the triggers are on", async () => {
    await expect(t.db.$executeRaw`UPDATE "AuditEvent" SET target = 'x'`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.count()).toBe(6);
  });

  it("finds a rewritten row, and a report then refuses to close, naming the event", async () => {
    await verifyAuditChain(t.db, "STARTUP");
    const [, , third] = await seqs();
    await asOwner(() => t.db.auditEvent.update({ where: { seq: third }, data: { target: "INC-9999" } }));
    expect(await findBrokenEventForReport(t.db, ticketId)).toMatchObject({ seq: third, reason: expect.stringMatching(/was changed/) });
    await expect(closeRefused()).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(new RegExp(`^The audit log failed verification at event #${third} \\(`)),
    });
    expect(await verifyAuditChain(t.db, "SCHEDULED")).toMatchObject({ status: "BROKEN", brokenSeq: third });
    expect(await t.db.reportVersion.count()).toBe(0);
  });

  it("finds a deleted row", async () => {
    const [, second, third] = await seqs();
    await asOwner(() => t.db.auditEvent.delete({ where: { seq: second } }));
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({
      status: "BROKEN",
      brokenSeq: third,
      brokenReason: expect.stringMatching(/removed, inserted or changed/),
    });
    await expect(closeRefused()).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("finds rows swapped, and a row inserted between two others", async () => {
    const [, second = 0n, third = 0n] = await seqs();
    const [b, c] = await Promise.all([second, third].map((seq) => t.db.auditEvent.findUniqueOrThrow({ where: { seq } })));
    await asOwner(async () => {
      // Swap the two rows' places, hashes and all.
      await t.db.auditEvent.update({ where: { seq: second }, data: { seq: 1000n } });
      await t.db.auditEvent.update({ where: { seq: third }, data: { seq: second } });
      await t.db.auditEvent.update({ where: { seq: 1000n }, data: { seq: third } });
    });
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({ status: "BROKEN", brokenSeq: second });
    await asOwner(async () => {
      await t.db.auditEvent.update({ where: { seq: second }, data: { seq: 1000n } });
      await t.db.auditEvent.update({ where: { seq: third }, data: { seq: second } });
      await t.db.auditEvent.update({ where: { seq: 1000n }, data: { seq: third } });
    });
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({ status: "INTACT" });
    // An invented event between the second and third, linked to the second (its hash made without the key).
    const forged: AuditContent = { ...b!, action: "ticket.status_changed", target: "forged", details: null, requestIds: [] };
    await asOwner(() =>
      t.db.auditEvent.create({
        data: { ...forged, details: undefined, seq: second + 500n, prevHash: b!.hash, hash: "f".repeat(64), chainVersion: 2 },
      }),
    );
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({ status: "BROKEN", brokenSeq: second + 500n });
    expect(c!.prevHash).toBe(b!.hash);
  });

  it("finds a chain recomputed without the key: with another key, as unkeyed rows, or wholly unkeyed", async () => {
    const all = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true, ...CONTENT_FIELDS } });
    /** Rewrites row `from` on and recomputes every hash after it with `hashOf`, as a tamperer would. */
    const recompute = (from: number, version: number, hashOf: (prev: string, c: AuditContent) => string) =>
      asOwner(async () => {
        let prev = from === 0 ? GENESIS_HASH : (await t.db.auditEvent.findUniqueOrThrow({ where: { seq: all[from - 1]!.seq } })).hash;
        for (const row of all.slice(from)) {
          const content = { ...row, target: row.seq === all[from]!.seq ? "rewritten" : row.target } as AuditContent & { seq: bigint };
          const { seq, ...c } = content;
          const hash = hashOf(prev, c);
          await t.db.auditEvent.update({ where: { seq }, data: { target: c.target, prevHash: prev, hash, chainVersion: version } });
          prev = hash;
        }
      });
    const attackerKey = Buffer.alloc(32, 9);
    await recompute(2, 2, (prev, c) =>
      createHmac("sha256", attackerKey)
        .update(prev)
        .update(canonicalJson({ ...c, chainVersion: 2 }))
        .digest("hex"),
    );
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({
      status: "BROKEN",
      brokenSeq: all[2]!.seq,
      brokenReason: expect.stringMatching(/keyed hash/),
    });
    await recompute(2, 1, computeLegacyHash);
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({
      status: "BROKEN",
      brokenSeq: all[2]!.seq,
      brokenReason: expect.stringMatching(/before the chain had a key, after keyed events/),
    });
    // Everything rewritten in the old keyless form: it verifies with the old rule, but nobody vouched for it.
    await recompute(0, 1, computeLegacyHash);
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({ status: "UNATTESTED", legacyCount: 6 });
    await expect(closeRefused()).resolves.toBeDefined(); // not broken: shown as unattested to the platform admin
  });

  it("carries history from before the key: unattested until a platform admin attests it, then tamper-evident like the rest", async () => {
    const fresh = await createTestDb(kind);
    try {
      // Three events as the previous version wrote them (unkeyed), then the upgraded app's.
      let prev = GENESIS_HASH;
      for (let i = 1; i <= 3; i++) {
        const content: AuditContent = {
          at: new Date(Date.UTC(2026, 10, i)),
          actorId: null,
          tenantId: null,
          ticketId: null,
          action: "ticket.created",
          target: `INC-${i}`,
          result: "SUCCEEDED",
          details: { i },
          requestIds: [],
        };
        const hash = computeLegacyHash(prev, content);
        await fresh.db.auditEvent.create({ data: { ...content, details: { i }, prevHash: prev, hash, chainVersion: 1 } });
        prev = hash;
      }
      await fresh.db.$transaction((tx) => recordAuditEvent(tx, { action: "test.after_upgrade" }));
      expect(await verifyAuditChain(fresh.db, "STARTUP")).toMatchObject({ status: "UNATTESTED", legacyCount: 3, eventCount: 4 });
      const platform = viewerOf(await seedUser(fresh.db, { role: "PLATFORM_ADMIN" }));
      await expect(attestUnkeyedHistory(fresh.db, { ...platform, role: "MANAGER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await attestUnkeyedHistory(fresh.db, platform)).toMatchObject({ status: "INTACT", legacyCount: 3, eventCount: 5 });
      await expect(attestUnkeyedHistory(fresh.db, platform)).rejects.toMatchObject({ code: "INVALID_STATE" });
      // An old row changed after the attestation (its hash recomputed: the old rule needs no key) breaks the chain.
      const first = await fresh.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" }, select: { seq: true, ...CONTENT_FIELDS } });
      const { seq, ...content } = first;
      await fresh.db.$executeRaw`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`;
      await fresh.db.auditEvent.update({
        where: { seq },
        data: { target: "INC-0", hash: computeLegacyHash(GENESIS_HASH, { ...(content as AuditContent), target: "INC-0" }) },
      });
      await fresh.db.$executeRaw`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`;
      expect(await verifyAuditChain(fresh.db, "MANUAL")).toMatchObject({ status: "BROKEN" });
    } finally {
      await fresh.close();
    }
  });

  it("stores text the database would alter (a lone surrogate) so that the row still matches its hash", async () => {
    await t.db.$transaction((tx) =>
      recordAuditEvent(tx, { ticketId, action: "test.odd_text", target: "half \ud800 pair", details: { note: "x\udfff" } }),
    );
    expect(await verifyAuditChain(t.db, "MANUAL")).toMatchObject({ status: "INTACT", eventCount: 7 });
  });
});
