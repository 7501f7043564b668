import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { createPglite } from "@/lib/db/pglite";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type {} from "@/tests/support/global-setup";
import { pgliteFactory } from "./adapters";
import { newPrismaClient, type Db } from "./create-client";

// The app's client factory leaves the password hash and the tenant's encrypted secret out of
// every result unless a query names them.

describe("secrets omitted by default", () => {
  let pglite: PGlite;
  let db: Db;
  beforeAll(async () => {
    pglite = await createPglite({ loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) });
    db = newPrismaClient(pgliteFactory(pglite));
    const tenant = await db.tenant.create({
      data: {
        displayName: "T",
        entraTenantId: "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a77",
        primaryDomain: "t.example",
        connectionKind: "SIMULATED",
        clientSecretEncrypted: encryptSecret("x", Buffer.alloc(32, 1).toString("base64")),
      },
    });
    await db.user.create({
      data: { email: "u@t.example", name: "U", role: "TENANT_ADMIN", tenantId: tenant.id, passwordHash: "scrypt$32768$8$1$salt$hash" },
    });
  });
  afterAll(async () => {
    await db.$disconnect();
    await pglite.close();
  });

  it("leaves them out of plain reads, includes and transactions", async () => {
    const user = await db.user.findFirstOrThrow({ include: { tenant: true } });
    expect(user).not.toHaveProperty("passwordHash");
    expect(user.tenant).not.toHaveProperty("clientSecretEncrypted");
    const [tenant] = await db.$transaction((tx) => tx.tenant.findMany({ include: { users: true } }));
    expect(tenant).not.toHaveProperty("clientSecretEncrypted");
    expect(tenant!.users[0]).not.toHaveProperty("passwordHash");
    expect(JSON.stringify([user, tenant])).not.toMatch(/scrypt\$|v1\./);
  });

  it("returns them only when a query selects them by name", async () => {
    expect((await db.user.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash).toMatch(/^scrypt\$/);
    expect((await db.tenant.findFirstOrThrow({ select: { clientSecretEncrypted: true } })).clientSecretEncrypted).toMatch(/^v1\./);
  });
});
