import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { seedTenant } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { postgresFactory } from "./adapters";
import { appRoleGrants, grantAppRole } from "./app-role";
import { newPrismaClient, type Db } from "./create-client";

// The app connected as its own role (not the owner): it works, and it cannot change the audit
// log, not even by switching the append-only triggers off. PostgreSQL only (PGlite has one user).

const onPostgres = testDbKinds().includes("postgres");

describe.skipIf(!onPostgres)("the app's restricted database role on postgres", () => {
  const role = `bd_app_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  let t: TestDb;
  let owner: pg.Client;
  let asApp: Db;
  let appSql: pg.Client;

  beforeAll(async () => {
    t = await createTestDb("postgres");
    const dbUrl = new URL(process.env.TEST_DATABASE_URL!); // eslint-disable-line no-restricted-properties
    const [current] = await t.db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    dbUrl.pathname = `/${current!.db}`;
    owner = new pg.Client({ connectionString: dbUrl.toString() });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    await grantAppRole(owner, role);
    dbUrl.username = role;
    asApp = newPrismaClient(postgresFactory(dbUrl.toString()));
    appSql = new pg.Client({ connectionString: dbUrl.toString() });
    await appSql.connect();
  });
  afterAll(async () => {
    await asApp?.$disconnect();
    await appSql?.end();
    await owner?.end();
    await t?.close();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL }); // eslint-disable-line no-restricted-properties
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it("writes and reads the app's tables and appends audit events", async () => {
    const tenant = await seedTenant(asApp);
    await asApp.tenant.update({ where: { id: tenant.id }, data: { displayName: "Renamed" } });
    await asApp.$transaction((tx) => recordAuditEvent(tx, { tenantId: tenant.id, action: "test.as_app" }));
    await asApp.$transaction((tx) => recordAuditEvent(tx, { tenantId: tenant.id, action: "test.as_app_again" }));
    expect(await verifyAuditChain(asApp, "MANUAL")).toMatchObject({ status: "INTACT", eventCount: 2 });
  });

  it("is refused UPDATE, DELETE and TRUNCATE on the audit log, and cannot switch its triggers off", async () => {
    const denied = /permission denied|must be owner/;
    await expect(appSql.query(`UPDATE "AuditEvent" SET target = 'x'`)).rejects.toThrow(denied);
    await expect(appSql.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(denied);
    await expect(appSql.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(denied);
    await expect(appSql.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)).rejects.toThrow(denied);
    await expect(appSql.query(`DELETE FROM "AuditVerification"`)).rejects.toThrow(denied);
    await expect(appSql.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(denied);
    expect((await owner.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).rows[0]).toEqual({ n: 2 });
  });

  it("refuses to grant to the owner, and to a name that is not a plain role name", async () => {
    const { rows } = await owner.query<{ u: string }>("SELECT current_user AS u");
    await expect(grantAppRole(owner, rows[0]!.u)).rejects.toThrow(/superuser or owns the tables/);
    expect(() => appRoleGrants('x"; DROP TABLE "Ticket')).toThrow(/role name/);
  });
});
