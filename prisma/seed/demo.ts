// Demo data: two tenants connected to the tenant simulator, a third (Northwind) waiting for its
// admin to connect it by consent, one sign-in per role and a few tickets in different states.
// Only ever run in demo mode (scripts/seed.ts checks).
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { CONTOSO, FABRIKAM, NORTHWIND } from "@/simulator/demo-tenants";
import { seedHistory, type SeededTicket } from "./demo-history";
import { seedWorkedTicket, snapshotClosedReport, type WorkedTicket } from "./demo-ticket";
import { seedUser } from "./factories";

export const DEMO_PASSWORD = "Breachdesk-demo-1";

export const DEMO_SIGN_INS = {
  contosoAdmin: "admin@contoso.example",
  fabrikamAdmin: "admin@fabrikam.example",
  northwindAdmin: "admin@northwind.example",
  engineer: "engineer@breachdesk.example",
  manager: "manager@breachdesk.example",
  platform: "platform@breachdesk.example",
} as const;

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await db.tenant.count({ where: { entraTenantId: CONTOSO.tenantId } })) > 0;
}

export type DemoSeedOutcome = "seeded" | "already-seeded" | "refused-not-demo" | "refused-real-tenants" | "refused-real-users";

/**
 * Seeds the demo only in demo mode and only into a database without real tenants or users, so
 * demo sign-ins (with a published password) never reach a production database by accident.
 */
export async function seedDemoIfAllowed(db: Db, options: { isDemoMode: boolean; encryptionKey: string }): Promise<DemoSeedOutcome> {
  if (!options.isDemoMode) return "refused-not-demo";
  if (await isDemoSeeded(db)) return "already-seeded";
  if ((await db.tenant.count({ where: { isDemo: false } })) > 0) return "refused-real-tenants";
  if ((await db.user.count({ where: { email: { notIn: Object.values(DEMO_SIGN_INS) } } })) > 0) return "refused-real-users";
  await seedDemo(db, options.encryptionKey);
  return "seeded";
}

export async function seedDemo(db: Db, encryptionKey: string) {
  const tenant = (t: typeof CONTOSO, displayName: string, extra: { serviceMailbox?: string; requireApproval?: boolean } = {}) =>
    db.tenant.create({
      data: {
        displayName,
        entraTenantId: t.tenantId,
        primaryDomain: t.primaryDomain,
        connectionKind: "SIMULATED",
        clientId: t.clientId,
        clientSecretEncrypted: encryptSecret(t.clientSecret, encryptionKey),
        isDemo: true,
        ...extra,
      },
    });
  const contoso = await tenant(CONTOSO, "Contoso (demo)", { serviceMailbox: `security@${CONTOSO.primaryDomain}` });
  // Fabrikam asks for a second person's approval before destructive steps.
  const fabrikam = await tenant(FABRIKAM, "Fabrikam (demo)", { serviceMailbox: `it@${FABRIKAM.primaryDomain}`, requireApproval: true });
  // Northwind is not connected yet: its admin connects it by consent to Breachdesk's app, which
  // tells Breachdesk its Entra tenant id.
  const northwind = await db.tenant.create({
    data: {
      displayName: "Northwind (demo)",
      primaryDomain: NORTHWIND.primaryDomain,
      connectionKind: "SIMULATED",
      connectionMode: "DEPLOYMENT_APP",
      isDemo: true,
    },
  });

  const user = (role: Parameters<typeof seedUser>[1]["role"], email: string, name: string, tenantId?: string) =>
    seedUser(db, { role, email, name, tenantId, password: DEMO_PASSWORD });
  const contosoAdmin = await user("TENANT_ADMIN", DEMO_SIGN_INS.contosoAdmin, "Isaiah Langer (Contoso IT)", contoso.id);
  const fabrikamAdmin = await user("TENANT_ADMIN", DEMO_SIGN_INS.fabrikamAdmin, "Nestor Wilke (Fabrikam IT)", fabrikam.id);
  await user("TENANT_ADMIN", DEMO_SIGN_INS.northwindAdmin, "Robin Ortiz (Northwind IT)", northwind.id);
  const engineer = await user("ENGINEER", DEMO_SIGN_INS.engineer, "Riya Shah (Support)");
  await user("MANAGER", DEMO_SIGN_INS.manager, "Morgan Lee (Support manager)");
  await user("PLATFORM_ADMIN", DEMO_SIGN_INS.platform, "Pat Quinn (Platform)");

  const tickets: WorkedTicket[] = [
    {
      tenantId: contoso.id,
      reporterId: contosoAdmin.id,
      affectedUpn: "megan@contoso.example",
      title: "Megan's mailbox is sending bulk mail to Gmail",
      severity: "HIGH",
      status: "NEW",
      symptoms: ["BULK_MAIL", "OUTBOUND_RESTRICTED", "MFA_DISABLED"],
      symptomsNote: "Alert 'User restricted from sending email' this morning; several Gmail recipients replied asking about an invoice.",
      detectedHoursAgo: 2,
    },
    {
      tenantId: contoso.id,
      reporterId: contosoAdmin.id,
      affectedUpn: "adele@contoso.example",
      title: "Sign-ins from an unknown country for Adele",
      severity: "MEDIUM",
      status: "TRIAGED",
      symptoms: ["UNUSUAL_SIGN_IN"],
      detectedHoursAgo: 20,
      assigned: true,
    },
    {
      tenantId: contoso.id,
      reporterId: contosoAdmin.id,
      affectedUpn: "alex@contoso.example",
      title: "Inbox rule deleting replies on Alex's mailbox",
      severity: "LOW",
      status: "CLOSED",
      symptoms: ["INBOX_RULES"],
      detectedHoursAgo: 24 * 12,
      assigned: true,
    },
    {
      tenantId: contoso.id,
      reporterId: contosoAdmin.id,
      affectedUpn: "lee@contoso.example",
      title: "Suspicious app consent on Lee's account",
      severity: "MEDIUM",
      status: "CLOSED",
      symptoms: ["SECURITY_ALERT"],
      detectedHoursAgo: 24 * 5,
      assigned: true,
    },
    {
      tenantId: fabrikam.id,
      reporterId: fabrikamAdmin.id,
      affectedUpn: "lidia@fabrikam.example",
      title: "Fabrikam finance mailbox phishing partners",
      severity: "CRITICAL",
      status: "CONTAINED",
      symptoms: ["BULK_MAIL", "RECIPIENT_COMPLAINTS", "SECURITY_ALERT"],
      detectedHoursAgo: 30,
      assigned: true,
    },
    {
      tenantId: fabrikam.id,
      reporterId: fabrikamAdmin.id,
      affectedUpn: "diego@fabrikam.example",
      title: "Security info changed on Diego's account",
      severity: "MEDIUM",
      status: "RESOLVED",
      symptoms: ["SECURITY_INFO_CHANGED"],
      detectedHoursAgo: 72,
      assigned: true,
    },
  ];
  const seeded: SeededTicket[] = [];
  for (const t of tickets) seeded.push(await seedWorkedTicket(db, t, engineer));
  await seedHistory(db, seeded);
  // Closed demo tickets wait in the manager's review queue with their report (its timeline
  // appendix reads the history above).
  for (const t of seeded.filter((s) => s.status === "CLOSED")) await snapshotClosedReport(db, t, engineer.id);
}
