import { request, type APIRequestContext } from "@playwright/test";
import type { E2eSeedInput } from "../../prisma/seed/e2e";
import { seed, SIMULATOR_URL, type SeededUser } from "./seed";

// The simulator's control endpoints for specs that share it: each spec makes tenants of its own
// (copies of a demo tenant under new ids and domain, simulator/tenant-copy.ts) and aims faults
// and clock moves at them, never at the simulator as a whole (no /_control/reset, no global faults).

export type SimulatedTenant = {
  tenantId: string;
  displayName: string;
  primaryDomain: string;
  clientId: string;
  /** Absent for a copy of Northwind: it is connected by consent, never with its app's secret. */
  clientSecret?: string;
};

export const controlSimulator = () => request.newContext({ baseURL: SIMULATOR_URL, ignoreHTTPSErrors: true });

/** A new simulator tenant built like the demo's Contoso, Fabrikam or Northwind. */
export async function addSimulatedTenant(simulator: APIRequestContext, like: "contoso" | "fabrikam" | "northwind") {
  const res = await simulator.post("/_control/tenants", { data: { like } });
  if (res.status() !== 201) throw new Error(`POST /_control/tenants answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as SimulatedTenant;
}

/** The attacker tries the stolen password of one of the tenant's accounts. */
export async function attackerSignIn(simulator: APIRequestContext, tenant: SimulatedTenant, upn: string) {
  return (await (await simulator.post(`/_control/tenants/${tenant.tenantId}/attacker-sign-in`, { data: { upn } })).json()) as {
    success: boolean;
    errorCode: number;
  };
}

const SERVICE_MAILBOX = { contoso: "security", fabrikam: "it", northwind: undefined } as const;

type TicketInput = NonNullable<E2eSeedInput["tickets"]>[number];
type UserInput = NonNullable<E2eSeedInput["users"]>[number];

/**
 * A copy of a demo tenant as the spec's own: its tenant admin ("admin"), an engineer serving only
 * it ("engineer"), any other users, and tickets reported by the admin for the copy's accounts
 * (`account` is the alias: "megan" is megan@<the copy's domain>).
 */
export async function seedInCopy(
  simulator: APIRequestContext,
  like: "contoso" | "fabrikam" | "northwind",
  options: {
    tickets?: (Omit<TicketInput, "tenant" | "reporter" | "affectedUpn"> & { account: string })[];
    users?: UserInput[];
    requireApproval?: boolean;
  } = {},
) {
  const tenant = await addSimulatedTenant(simulator, like);
  const upn = (alias: string) => `${alias}@${tenant.primaryDomain}`;
  const seeded = await seed({
    // The demo's mailboxes for advisories: Contoso's security desk, Fabrikam IT; Northwind has none yet.
    ownTenant: { ...tenant, requireApproval: options.requireApproval, serviceMailbox: SERVICE_MAILBOX[like] && upn(SERVICE_MAILBOX[like]) },
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "own" },
      { key: "engineer", role: "ENGINEER", serves: ["own"] },
      ...(options.users ?? []),
    ],
    tickets: (options.tickets ?? []).map(({ account, ...t }) => ({
      ...t,
      tenant: "own" as const,
      reporter: "admin",
      affectedUpn: upn(account),
    })),
  });
  return { ...seeded, tenant, upn, users: seeded.users as Record<"admin" | "engineer", SeededUser> & Record<string, SeededUser> };
}
