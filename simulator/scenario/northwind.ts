import { NORTHWIND, type DemoTenant } from "../demo-tenants";
import type { TenantState } from "../state";
import { playCompromise } from "./attack";
import { ALL_PERMISSIONS, PRIVILEGED_ROLES } from "./build";
import { createRandom } from "./random";
import { makeUser } from "./users";

// Northwind: a tenant nobody has connected yet. Breachdesk's multi-tenant app has no service
// principal here until its admin consents; the message-trace principal is missing too, so the
// connection checklist has work to show. Its Global Administrator signs in with a known password
// (the demo's), and one mailbox is compromised like the seed's, for the engineer to contain.
// Built from its own random stream, so adding it changes nothing in Contoso or Fabrikam.

export const NORTHWIND_ADMIN_PASSWORD = "Northwind-admin-1";

export function buildNorthwind(seed: number, now: Date, as: DemoTenant = NORTHWIND): TenantState {
  const rnd = createRandom(seed ^ 0x4e57);
  const domain = as.primaryDomain;
  const admin = makeUser(rnd, now, domain, "admin", "Northwind IT Admin", { isAdmin: true, directoryRoles: ["Global Administrator"] });
  admin.password = NORTHWIND_ADMIN_PASSWORD;
  const users = [
    admin,
    makeUser(rnd, now, domain, "jamie", "Jamie Reyes", { perUserMfaState: "disabled" }),
    makeUser(rnd, now, domain, "sam", "Sam Patel"),
  ];
  const tenant: TenantState = {
    tenantId: as.tenantId,
    displayName: as.displayName,
    primaryDomain: domain,
    licences: { p1: true, p2: true, messageTraceServicePrincipal: false },
    // Its own app registration exists in the directory but Breachdesk never learns its secret.
    app: {
      clientId: as.clientId,
      clientSecret: as.clientSecret,
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
    servicePrincipals: [],
    groups: [],
    roleEligibilities: [],
    mailSendScope: null,
    replica: new Map(),
  };
  playCompromise(tenant, users[1]!, rnd, now, { messagesToGmail: 12, internalDomain: domain });
  return tenant;
}
