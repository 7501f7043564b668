import { CONTOSO, FABRIKAM, type DemoTenant } from "../demo-tenants";
import type { SimUser, TenantState, WorldState } from "../state";
import { playCompromise } from "./attack";
import { createRandom, type Random } from "./random";
import { CONTOSO_PEOPLE, FABRIKAM_PEOPLE, makeUser } from "./users";

// Builds the simulated world from a seed: the same seed and start time give the same state.

/** Every application permission the app's operations need (graph-api.md table). */
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
  "ExchangeMessageTrace.Read.All",
  "Mail.Send",
  "SecurityAlert.Read.All",
  "SecurityIncident.Read.All",
] as const;

export const PRIVILEGED_ROLES = ["User Administrator", "Privileged Authentication Administrator", "Authentication Policy Administrator"];

function tenant(rnd: Random, now: Date, demo: DemoTenant, people: typeof CONTOSO_PEOPLE, extra: Partial<TenantState>): TenantState {
  const users: SimUser[] = people.map(([alias, name, mfa]) => makeUser(rnd, now, demo.primaryDomain, alias, name, { perUserMfaState: mfa }));
  users.push(makeUser(rnd, now, demo.primaryDomain, "it-admin", `${demo.displayName} IT Admin`, { isAdmin: true, directoryRoles: ["Global Administrator"] }));
  return {
    tenantId: demo.tenantId,
    displayName: demo.displayName,
    primaryDomain: demo.primaryDomain,
    licences: { p1: true, p2: true, messageTraceServicePrincipal: true },
    app: { clientId: demo.clientId, clientSecret: demo.clientSecret, permissions: [...ALL_PERMISSIONS], directoryRoles: [...PRIVILEGED_ROLES] },
    users,
    signIns: [],
    audits: [],
    grants: [],
    sent: [],
    alerts: [],
    outbox: [],
    ...extra,
  };
}

export function buildWorld(seed = 1042, now = new Date()): WorldState {
  const rnd = createRandom(seed);
  const contoso = tenant(rnd, now, CONTOSO, CONTOSO_PEOPLE, {});
  playCompromise(contoso, contoso.users.find((u) => u.userPrincipalName.startsWith("megan@"))!, rnd, now, {
    messagesToGmail: 420,
    internalDomain: CONTOSO.primaryDomain,
  });
  // Fabrikam shows the error paths: no P1 licence, no message-trace service principal, and an
  // app registration without User.RevokeSessions.All.
  const fabrikam = tenant(rnd, now, FABRIKAM, FABRIKAM_PEOPLE, {});
  fabrikam.licences = { p1: false, p2: false, messageTraceServicePrincipal: false };
  fabrikam.app.permissions = fabrikam.app.permissions.filter((p) => p !== "User.RevokeSessions.All");
  playCompromise(fabrikam, fabrikam.users.find((u) => u.userPrincipalName.startsWith("lidia@"))!, rnd, now, {
    messagesToGmail: 60,
    internalDomain: FABRIKAM.primaryDomain,
  });
  return { tenants: new Map([contoso, fabrikam].map((t) => [t.tenantId, t])) };
}

/** Adds n compromised users to a tenant (bulk tests and benchmarks): bulk.user<i>@<domain>. */
export function generateCompromisedUsers(t: TenantState, n: number, seed = 7, now = new Date()): SimUser[] {
  const rnd = createRandom(seed);
  const added: SimUser[] = [];
  for (let i = 0; i < n; i++) {
    const u = makeUser(rnd, now, t.primaryDomain, `bulk.user${i}`, `Bulk User ${i}`);
    t.users.push(u);
    playCompromise(t, u, rnd, now, { messagesToGmail: 5, internalDomain: t.primaryDomain });
    added.push(u);
  }
  return added;
}
