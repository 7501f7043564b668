import { CONTOSO, FABRIKAM, type DemoTenant } from "../demo-tenants";
import type { SimUser, TenantState, WorldState } from "../state";
import { playCompromise } from "./attack";
import { buildNorthwind } from "./northwind";
import { createRandom, type Random } from "./random";
import { CONTOSO_PEOPLE, FABRIKAM_PEOPLE, MAIL_ALIASES, makeUser } from "./users";

// Builds the simulated world from a seed: the same seed and start time give the same state.

/** Every application permission the app's operations need (lib/graph/operations.ts). */
export const ALL_PERMISSIONS = [
  "User.Read.All",
  "User-PasswordProfile.ReadWrite.All",
  "User.EnableDisableAccount.All",
  "User.RevokeSessions.All",
  "Policy.Read.All",
  "Policy.ReadWrite.AuthenticationMethod",
  "UserAuthenticationMethod.Read.All",
  "UserAuthenticationMethod.ReadWrite.All",
  "MailboxSettings.Read",
  "MailboxSettings.ReadWrite",
  "AuditLog.Read.All",
  "Directory.Read.All",
  "DelegatedPermissionGrant.ReadWrite.All",
  "IdentityRiskyUser.Read.All",
  "IdentityRiskyUser.ReadWrite.All",
  "IdentityRiskEvent.Read.All",
  "ExchangeMessageTrace.Read.All",
  "Mail.Send",
  "SecurityAlert.Read.All",
  "SecurityIncident.Read.All",
  "RoleEligibilitySchedule.Read.Directory",
  "Mail.ReadBasic.All",
] as const;

export const PRIVILEGED_ROLES = ["User Administrator", "Privileged Authentication Administrator", "Authentication Policy Administrator"];

function tenant(rnd: Random, now: Date, demo: DemoTenant, people: typeof CONTOSO_PEOPLE, aliases: Record<string, string>): TenantState {
  const users: SimUser[] = people.map(([alias, name, mfa]) =>
    makeUser(rnd, now, demo.primaryDomain, alias, name, {
      perUserMfaState: mfa,
      mail: aliases[alias] && `${aliases[alias]}@${demo.primaryDomain}`,
    }),
  );
  users.push(
    makeUser(rnd, now, demo.primaryDomain, "it-admin", `${demo.displayName} IT Admin`, {
      isAdmin: true,
      directoryRoles: ["Global Administrator"],
    }),
  );
  return {
    tenantId: demo.tenantId,
    displayName: demo.displayName,
    primaryDomain: demo.primaryDomain,
    licences: { p1: true, p2: true, messageTraceServicePrincipal: true },
    app: {
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      permissions: [...ALL_PERMISSIONS],
      directoryRoles: [...PRIVILEGED_ROLES],
    },
    users,
    signIns: [],
    audits: [],
    grants: [],
    sent: [],
    alerts: [],
    outbox: [],
    generatedUsers: 0,
    groups: [],
    roleEligibilities: [],
    mailSendScope: null,
    replica: new Map(),
  };
}

/**
 * Windows Hello for Business on Pradeep's laptop and a Temporary Access Pass the helpdesk gave
 * Nestor this morning: the two method kinds the attack does not use, with fixed ids so the seeded
 * stream (and so every other id) stays as it was.
 */
function addOtherMethods(t: TenantState, now: Date) {
  const at = (alias: string) => t.users.find((u) => u.userPrincipalName.startsWith(`${alias}@`));
  at("pradeep")?.methods.push({
    id: "b2a5d8e1-7c3f-4e9a-8b1d-2f6c0a9e4d71",
    kind: "windowsHelloForBusiness",
    displayName: "PRADEEP-LAPTOP",
    keyStrength: "normal",
    createdDateTime: new Date(now.getTime() - 120 * 86_400_000).toISOString(),
  });
  const issued = new Date(now.getTime() - 2 * 3_600_000).toISOString();
  at("nestor")?.methods.push({
    id: "6f1c3e2a-9d4b-4a8e-b7c5-1e0d2f3a4b5c",
    kind: "temporaryAccessPass",
    displayName: null,
    createdDateTime: issued,
    startDateTime: issued,
    lifetimeInMinutes: 480,
    isUsableOnce: false,
  });
}

// Role template ids are the same in every tenant (Microsoft Entra built-in roles).
const HELPDESK_ADMIN = { roleTemplateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8", displayName: "Helpdesk Administrator" };
const EXCHANGE_ADMIN = { roleTemplateId: "29232cdf-9323-42fd-ade2-1d097af3e4de", displayName: "Exchange Administrator" };

/**
 * Two admins whose role no direct memberOf shows (user-list-memberof.md is not transitive): Hana
 * holds Helpdesk Administrator through a role-assignable group, Omar is PIM-eligible for Exchange
 * Administrator (not active, so only roleEligibilityScheduleInstances shows it). Their own seeded
 * stream keeps every other id as it was.
 */
function addIndirectAdmins(t: TenantState, seed: number, now: Date) {
  const rnd = createRandom(seed ^ 0x5eed);
  const hana = makeUser(rnd, now, t.primaryDomain, "hana", "Hana Kovac");
  const omar = makeUser(rnd, now, t.primaryDomain, "omar", "Omar Haddad");
  t.users.push(hana, omar);
  t.groups.push({ id: rnd.uuid(), displayName: "Helpdesk Admins", members: [hana.id], directoryRoles: [HELPDESK_ADMIN] });
  t.roleEligibilities.push({
    id: rnd.uuid(),
    principalId: omar.id,
    roleDefinitionId: EXCHANGE_ADMIN.roleTemplateId,
    roleName: EXCHANGE_ADMIN.displayName,
    startDateTime: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
  });
}

/** A rule Graph cannot model (made in Outlook for Windows): read-only to the REST API, with empty conditions and actions. */
function addReadOnlyRule(u: SimUser) {
  u.rules.push({ id: "AQAAAJ5dZqA=", displayName: "...", sequence: 3, isEnabled: true, isReadOnly: true, conditions: {}, actions: {} });
}

/** Which tenant plays each demo tenant's part: the demo's own, or a copy under other ids (control.ts). */
export type WorldCast = { contoso?: DemoTenant; fabrikam?: DemoTenant; northwind?: DemoTenant };

export function buildWorld(seed = 1042, now = new Date(), cast: WorldCast = {}): WorldState {
  const rnd = createRandom(seed);
  const { contoso: asContoso = CONTOSO, fabrikam: asFabrikam = FABRIKAM } = cast;
  const contoso = tenant(rnd, now, asContoso, CONTOSO_PEOPLE, MAIL_ALIASES);
  addOtherMethods(contoso, now);
  playCompromise(
    contoso,
    contoso.users.find((u) => u.userPrincipalName.startsWith("megan@"))!,
    rnd,
    now,
    {
      messagesToGmail: 420,
      internalDomain: asContoso.primaryDomain,
    },
  );
  addIndirectAdmins(contoso, seed, now);
  // Fabrikam shows the error paths: no P1 licence, no message-trace service principal, and an
  // app registration without User.RevokeSessions.All.
  const fabrikam = tenant(rnd, now, asFabrikam, FABRIKAM_PEOPLE, {});
  fabrikam.licences = { p1: false, p2: false, messageTraceServicePrincipal: false };
  fabrikam.app.permissions = fabrikam.app.permissions.filter((p) => p !== "User.RevokeSessions.All");
  // Fabrikam's app holds User Administrator but not Privileged Authentication Administrator: it cannot act on admins.
  fabrikam.app.directoryRoles = fabrikam.app.directoryRoles.filter((r) => r !== "Privileged Authentication Administrator");
  const lidia = fabrikam.users.find((u) => u.userPrincipalName.startsWith("lidia@"))!;
  playCompromise(fabrikam, lidia, rnd, now, {
    messagesToGmail: 60,
    internalDomain: asFabrikam.primaryDomain,
  });
  addReadOnlyRule(lidia);
  return { tenants: new Map([contoso, fabrikam, buildNorthwind(seed, now, cast.northwind)].map((t) => [t.tenantId, t])) };
}

export type CompromisedUsersConfig = { count: number; seed?: number; tenantId?: string };

/** One stream per generated user, from the seed and the user's running number in the tenant. */
const userSeed = (seed: number, index: number) => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;

/**
 * Adds n compromised users to a tenant (bulk tests and benchmarks), each attacked like the seed's
 * user: bulk.user<k>@<domain>, k counting on from earlier calls, so a second call adds n more
 * distinct users; the same seed and call sequence give the same users, byte for byte.
 */
export function generateCompromisedUsers(t: TenantState, n: number, seed = 7, now = new Date()): SimUser[] {
  const added: SimUser[] = [];
  for (let i = 0; i < n; i++) {
    const index = t.generatedUsers++;
    const rnd = createRandom(userSeed(seed, index));
    let u = makeUser(rnd, now, t.primaryDomain, `bulk.user${index}`, `Bulk User ${index}`);
    // Ids come from a 32-bit-seeded stream: draw again on the (unlikely) clash.
    while (t.users.some((x) => x.id === u.id)) u = { ...u, id: rnd.uuid() };
    t.users.push(u);
    playCompromise(t, u, rnd, now, { messagesToGmail: 5, internalDomain: t.primaryDomain });
    added.push(u);
  }
  return added;
}
