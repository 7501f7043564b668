import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { seedTenant, seedUser } from "@/prisma/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "@/tests/support/test-db";
import { getTenantForEdit, listTenants } from "./queries";
import { SECRET_REQUIRED_MESSAGE, ZCreateTenantInput, ZUpdateTenantInput } from "./schemas";
import { createTenant, updateTenant } from "./service";
import { viewerOf } from "@/tests/support/viewer";

const key = randomBytes(32).toString("base64");
const SECRET = "s3cret-value-that-must-stay-hidden";

const newTenant = (over: Record<string, unknown> = {}) => ({
  displayName: "Northwind",
  entraTenantId: randomUUID().toUpperCase(),
  primaryDomain: `NW-${randomUUID().slice(0, 6)}.example`,
  connectionKind: "ENTRA",
  clientId: randomUUID(),
  clientSecret: SECRET,
  serviceMailbox: "",
  requireApproval: false,
  ...over,
});

describe("tenant input", () => {
  it("names the field for a bad tenant id, domain, client id or mailbox", () => {
    const result = ZCreateTenantInput.safeParse(
      newTenant({ entraTenantId: "not-a-guid", primaryDomain: "no spaces.example", clientId: "x", serviceMailbox: "nope" }),
    );
    expect(result.success).toBe(false);
    const fields = Object.keys(result.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["clientId", "entraTenantId", "primaryDomain", "serviceMailbox"]);
  });
  it("needs the client secret to add a tenant of either kind (the simulator checks it like Entra ID does)", () => {
    for (const connectionKind of ["ENTRA", "SIMULATED"]) {
      const missing = ZCreateTenantInput.safeParse(newTenant({ connectionKind, clientSecret: "" }));
      expect(missing.error?.flatten().fieldErrors.clientSecret).toEqual([SECRET_REQUIRED_MESSAGE]);
      expect(ZCreateTenantInput.safeParse(newTenant({ connectionKind, clientSecret: "   " })).success).toBe(false);
    }
    // On edit, blank keeps the stored secret.
    expect(ZUpdateTenantInput.safeParse({ ...newTenant({ clientSecret: "" }), tenantId: randomUUID() }).success).toBe(true);
  });
  it("needs a client id with a secret, and normalises ids and domains to lower case", () => {
    expect(ZCreateTenantInput.safeParse(newTenant({ clientId: "" })).error?.flatten().fieldErrors.clientId).toEqual([
      "Add the app's client id for this secret.",
    ]);
    const parsed = ZCreateTenantInput.parse(
      newTenant({ entraTenantId: "2F4A9B1E-6C3D-4E8F-9A0B-1C2D3E4F5A99", primaryDomain: "Contoso.COM" }),
    );
    expect(parsed).toMatchObject({
      entraTenantId: "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a99",
      primaryDomain: "contoso.com",
      serviceMailbox: undefined,
    });
  });
});

describe.each(testDbKinds())("tenant administration on %s", (kind) => {
  let t: TestDb;
  let platform: Viewer;
  let engineer: Viewer;
  beforeAll(async () => {
    t = await createTestDb(kind);
    platform = viewerOf(await seedUser(t.db, { role: "PLATFORM_ADMIN" }));
    engineer = viewerOf(await seedUser(t.db, { role: "ENGINEER" }));
  });
  afterAll(() => t.close());

  it("adds a tenant with its secret encrypted, and never lists the secret", async () => {
    const input = ZCreateTenantInput.parse(newTenant());
    const { id } = await createTenant(t.db, platform, input, key);
    const row = await t.db.tenant.findUniqueOrThrow({
      where: { id },
      select: { clientSecretEncrypted: true, primaryDomain: true, isDemo: true },
    });
    expect(row.clientSecretEncrypted).not.toContain(SECRET);
    expect(decryptSecret(row.clientSecretEncrypted!, key)).toBe(SECRET);
    expect(row.isDemo).toBe(false);
    const listed = await listTenants(t.db, platform);
    expect(listed.find((x) => x.id === id)).toMatchObject({ hasSecret: true, primaryDomain: input.primaryDomain });
    const serialised = JSON.stringify([listed, await getTenantForEdit(t.db, platform, id)]);
    expect(serialised).not.toContain(row.clientSecretEncrypted!);
    expect(serialised).not.toContain("clientSecretEncrypted");
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "tenant.created", tenantId: id } });
    expect(JSON.stringify(audit.details)).not.toContain(SECRET);
  });

  it("refuses a duplicate tenant id or domain as a field error", async () => {
    const existing = await seedTenant(t.db);
    await expect(
      createTenant(t.db, platform, ZCreateTenantInput.parse(newTenant({ entraTenantId: existing.entraTenantId })), key),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "entraTenantId" },
    });
    await expect(
      createTenant(t.db, platform, ZCreateTenantInput.parse(newTenant({ primaryDomain: existing.primaryDomain })), key),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "primaryDomain" },
    });
  });

  it("edits the approval policy and mailbox, keeps the secret when left blank and replaces it when given", async () => {
    const { id } = await createTenant(t.db, platform, ZCreateTenantInput.parse(newTenant()), key);
    const before = await t.db.tenant.findUniqueOrThrow({
      where: { id },
      select: { clientSecretEncrypted: true, primaryDomain: true, entraTenantId: true, clientId: true },
    });
    const edit = (over: Record<string, unknown>) =>
      ZUpdateTenantInput.parse({
        ...newTenant({
          entraTenantId: before.entraTenantId,
          primaryDomain: before.primaryDomain,
          clientId: before.clientId,
          clientSecret: "",
        }),
        tenantId: id,
        ...over,
      });

    const first = await updateTenant(
      t.db,
      platform,
      edit({ requireApproval: true, serviceMailbox: `security@${before.primaryDomain}` }),
      key,
    );
    expect(first.changed.sort()).toEqual(["requireApproval", "serviceMailbox"]);
    const kept = await t.db.tenant.findUniqueOrThrow({
      where: { id },
      select: { clientSecretEncrypted: true, requireApproval: true, serviceMailbox: true },
    });
    expect(kept).toMatchObject({
      clientSecretEncrypted: before.clientSecretEncrypted,
      requireApproval: true,
      serviceMailbox: `security@${before.primaryDomain}`,
    });

    const second = await updateTenant(
      t.db,
      platform,
      edit({ requireApproval: true, serviceMailbox: `security@${before.primaryDomain}`, clientSecret: "rotated-secret" }),
      key,
    );
    expect(second.changed).toEqual(["clientSecret"]);
    const rotated = await t.db.tenant.findUniqueOrThrow({ where: { id }, select: { clientSecretEncrypted: true } });
    expect(decryptSecret(rotated.clientSecretEncrypted!, key)).toBe("rotated-secret");

    const events = await t.db.auditEvent.findMany({ where: { action: "tenant.updated", tenantId: id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.details)).toEqual([{ changed: ["serviceMailbox", "requireApproval"] }, { changed: ["clientSecret"] }]);
    expect(JSON.stringify(events.map((e) => [e.details, e.target]))).not.toContain("rotated-secret");
  });

  it("refuses to save a tenant that has no stored secret with the secret left blank", async () => {
    const bare = await seedTenant(t.db, { clientId: randomUUID() });
    const input = ZUpdateTenantInput.parse({
      ...newTenant({ entraTenantId: bare.entraTenantId, primaryDomain: bare.primaryDomain, clientId: bare.clientId, clientSecret: "" }),
      tenantId: bare.id,
    });
    await expect(updateTenant(t.db, platform, input, key)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "clientSecret" },
      message: SECRET_REQUIRED_MESSAGE,
    });
    await expect(updateTenant(t.db, platform, { ...input, clientSecret: SECRET }, key)).resolves.toMatchObject({
      changed: expect.arrayContaining(["clientSecret"]),
    });
  });

  it("adds a tenant that its admin connects by consent: no tenant id or secret needed; a changed tenant id drops the consent", async () => {
    const { id } = await createTenant(
      t.db,
      platform,
      ZCreateTenantInput.parse(newTenant({ connectionMode: "DEPLOYMENT_APP", entraTenantId: "", clientId: "", clientSecret: "" })),
      key,
    );
    const row = await t.db.tenant.findUniqueOrThrow({
      where: { id },
      select: { entraTenantId: true, connectionMode: true, clientSecretEncrypted: true, primaryDomain: true },
    });
    expect(row).toMatchObject({ entraTenantId: null, connectionMode: "DEPLOYMENT_APP", clientSecretEncrypted: null });
    // An own app registration still needs its tenant id and secret.
    expect(
      ZCreateTenantInput.safeParse(newTenant({ connectionMode: "OWN_APP", entraTenantId: "" })).error?.flatten().fieldErrors
        .entraTenantId?.[0],
    ).toMatch(/^Enter the tenant id: an own app registration needs it/);
    // Consent bound it; a platform admin then types another tenant id: that consent no longer counts.
    const bound = randomUUID();
    await t.db.tenant.update({ where: { id }, data: { entraTenantId: bound, consentedAt: new Date(), servicePrincipalId: randomUUID() } });
    const edit = (entraTenantId: string) =>
      ZUpdateTenantInput.parse({
        ...newTenant({ connectionMode: "DEPLOYMENT_APP", entraTenantId, primaryDomain: row.primaryDomain, clientId: "", clientSecret: "" }),
        tenantId: id,
      });
    expect((await updateTenant(t.db, platform, edit(bound), key)).changed).not.toContain("entraTenantId");
    expect((await t.db.tenant.findUniqueOrThrow({ where: { id } })).consentedAt).not.toBeNull();
    expect((await updateTenant(t.db, platform, edit(randomUUID()), key)).changed).toContain("entraTenantId");
    expect(await t.db.tenant.findUniqueOrThrow({ where: { id } })).toMatchObject({ consentedAt: null, servicePrincipalId: null });
  });

  it("lets only platform admins manage tenants, and a foreign id is not found", async () => {
    await expect(listTenants(t.db, engineer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createTenant(t.db, engineer, ZCreateTenantInput.parse(newTenant()), key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateTenant(t.db, platform, ZUpdateTenantInput.parse({ ...newTenant(), tenantId: randomUUID() }), key),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
