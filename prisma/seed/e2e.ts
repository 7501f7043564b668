// What an end-to-end spec asks POST /api/test-seed for: its own sign-ins (unique addresses, one
// known password), on the demo tenants or on a fresh tenant of its own, and its own tickets — new,
// or worked to a status like the demo's. Unique names let specs run side by side.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { CONTOSO, FABRIKAM, NORTHWIND } from "@/simulator/demo-tenants";
import { seedHistory } from "./demo-history";
import { seedWorkedTicket, snapshotClosedReport } from "./demo-ticket";
import { seedTenant, seedUser } from "./factories";

export const E2E_PASSWORD = "Breachdesk-e2e-1";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Demo mode, E2E_SEED_TOKEN set, and the caller's bearer token equal to it (compared in constant time). */
export function isSeedAllowed(env: { BREACHDESK_DEMO: boolean; E2E_SEED_TOKEN?: string }, authorization: string | null): boolean {
  if (!env.BREACHDESK_DEMO || !env.E2E_SEED_TOKEN) return false;
  const given = authorization?.match(/^Bearer (.+)$/)?.[1];
  return Boolean(given) && timingSafeEqual(digest(given!), digest(env.E2E_SEED_TOKEN));
}

const DEMO_TENANT_IDS = { contoso: CONTOSO.tenantId, fabrikam: FABRIKAM.tenantId } as const;
const ZTenantRef = z.enum(["contoso", "fabrikam", "northwind", "own"]);
const ZKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);

/**
 * The spec's own tenant ("own") as a tenant of the simulator (POST /_control/tenants): connected
 * with its app's credentials, or, without a secret, waiting for its admin to connect it by consent
 * (like Northwind). Without it, "own" is a tenant of no simulator, for specs that never call Graph.
 */
const ZSimulatedTenant = z.strictObject({
  tenantId: z.uuid(),
  displayName: z.string().min(1).max(80),
  primaryDomain: z.string().regex(/^[a-z0-9.-]+\.example$/),
  clientId: z.uuid().optional(),
  clientSecret: z.string().min(1).max(200).optional(),
  requireApproval: z.boolean().default(false),
  /** The mailbox advisories are sent from (none: the connection checklist shows it not set up). */
  serviceMailbox: z.email().optional(),
  /** Microsoft 365 alerts open tickets on their own (else the default: suggested). */
  alertsOpenTickets: z.boolean().default(false),
});

export const ZE2eSeed = z.strictObject({
  ownTenant: ZSimulatedTenant.optional(),
  users: z
    .array(
      z.strictObject({
        key: ZKey,
        role: z.enum(["TENANT_ADMIN", "ENGINEER", "MANAGER", "PLATFORM_ADMIN"]),
        tenant: ZTenantRef.optional(),
        name: z.string().min(1).max(80).optional(),
        /** Engineers: the tenants served, when not all. */
        serves: z.array(ZTenantRef).optional(),
      }),
    )
    .max(20)
    .default([]),
  tickets: z
    .array(
      z.strictObject({
        key: ZKey,
        tenant: ZTenantRef,
        reporter: ZKey,
        assignee: ZKey.optional(),
        affectedUpn: z.email(),
        title: z.string().min(1).max(200).optional(),
        status: z.enum(["NEW", "TRIAGED", "CONTAINED", "RESOLVED", "CLOSED"]).default("NEW"),
        severity: z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]).default("MEDIUM"),
        symptoms: z.array(z.string()).min(1).default(["BULK_MAIL"]),
        detectedHoursAgo: z
          .number()
          .min(0)
          .max(24 * 365)
          .default(2),
        /** Carry a demo ticket's checklist, impact and outcome work (its account, e.g. alex@contoso.example). */
        workOf: z.email().optional(),
      }),
    )
    .max(20)
    .default([]),
});
export type E2eSeedInput = z.input<typeof ZE2eSeed>;

export type E2eSeeded = {
  password: string;
  tenant: { id: string; displayName: string; primaryDomain: string } | null;
  users: Record<string, { id: string; email: string; name: string }>;
  tickets: Record<string, { id: string; number: number }>;
};

/** The spec's simulated tenant, as the demo seed makes Contoso (connected) or Northwind (not yet). */
async function seedSimulatedTenant(db: Db, t: z.output<typeof ZSimulatedTenant>, encryptionKey: string) {
  const connected = t.clientId !== undefined && t.clientSecret !== undefined;
  const tenant = await seedTenant(db, {
    displayName: t.displayName,
    primaryDomain: t.primaryDomain,
    isDemo: true,
    requireApproval: t.requireApproval,
    serviceMailbox: t.serviceMailbox ?? null,
    ...(connected
      ? { entraTenantId: t.tenantId, clientId: t.clientId, clientSecretEncrypted: encryptSecret(t.clientSecret!, encryptionKey) }
      : { entraTenantId: null, connectionMode: "DEPLOYMENT_APP" as const }),
  });
  if (t.alertsOpenTickets) await db.tenantAlertSetting.create({ data: { tenantId: tenant.id, mode: "AUTOMATIC" } });
  return tenant;
}

export async function seedForE2e(db: Db, request: z.output<typeof ZE2eSeed>, options: { encryptionKey?: string } = {}): Promise<E2eSeeded> {
  const tag = randomUUID().slice(0, 8);
  const refs = [...request.users.flatMap((u) => [u.tenant, ...(u.serves ?? [])]), ...request.tickets.map((t) => t.tenant)];
  if (request.ownTenant && !options.encryptionKey) throw new Error("a simulated tenant needs the encryption key");
  const own = request.ownTenant
    ? await seedSimulatedTenant(db, request.ownTenant, options.encryptionKey!)
    : refs.includes("own")
      ? await seedTenant(db, { displayName: `E2E tenant ${tag}`, primaryDomain: `e2e-${tag}.example`, isDemo: true })
      : null;
  const tenantIds = new Map<string, string>();
  const tenantId = async (ref: z.infer<typeof ZTenantRef>) => {
    if (ref === "own") return own!.id;
    if (!tenantIds.has(ref)) {
      const where =
        ref === "northwind" ? { primaryDomain: NORTHWIND.primaryDomain, isDemo: true } : { entraTenantId: DEMO_TENANT_IDS[ref] };
      tenantIds.set(ref, (await db.tenant.findFirstOrThrow({ where, select: { id: true } })).id);
    }
    return tenantIds.get(ref)!;
  };

  const users: E2eSeeded["users"] = {};
  for (const u of request.users) {
    const created = await seedUser(db, {
      role: u.role,
      email: `${u.key.toLowerCase()}-${tag}@e2e.breachdesk.test`,
      name: u.name ?? `${u.key} ${tag}`,
      tenantId: u.tenant ? await tenantId(u.tenant) : null,
      password: E2E_PASSWORD,
      servesAllTenants: u.role === "ENGINEER" && !u.serves,
    });
    if (u.serves) {
      for (const ref of u.serves) await db.tenantEngineer.create({ data: { userId: created.id, tenantId: await tenantId(ref) } });
    }
    users[u.key] = { id: created.id, email: created.email, name: created.name };
  }
  const userOf = (key: string) => {
    const user = users[key];
    if (!user) throw new Error(`unknown user key ${key}`);
    return user;
  };

  const tickets: E2eSeeded["tickets"] = {};
  const seeded = [];
  for (const t of request.tickets) {
    const assignee = t.assignee ? userOf(t.assignee) : null;
    const engineer = assignee ?? userOf(t.reporter);
    const ticket = await seedWorkedTicket(
      db,
      {
        tenantId: await tenantId(t.tenant),
        reporterId: userOf(t.reporter).id,
        affectedUpn: t.affectedUpn,
        title: t.title ?? `E2E ${t.key} ${tag}`,
        severity: t.severity,
        status: t.status,
        symptoms: t.symptoms,
        detectedHoursAgo: t.detectedHoursAgo,
        assigned: Boolean(assignee),
        workOf: t.workOf,
      },
      engineer,
    );
    seeded.push({ ticket, engineerId: engineer.id });
    tickets[t.key] = { id: ticket.id, number: ticket.number };
  }
  await seedHistory(
    db,
    seeded.map((s) => s.ticket),
  );
  for (const s of seeded.filter((x) => x.ticket.status === "CLOSED")) await snapshotClosedReport(db, s.ticket, s.engineerId);
  return {
    password: E2E_PASSWORD,
    tenant: own && { id: own.id, displayName: own.displayName, primaryDomain: own.primaryDomain },
    users,
    tickets,
  };
}
