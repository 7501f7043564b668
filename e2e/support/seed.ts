import { randomUUID } from "node:crypto";
import { request } from "@playwright/test";
import type { E2eSeeded, E2eSeedInput } from "../../prisma/seed/e2e";

// Each spec creates its own sign-ins, tenant and tickets through the app's test-only seeding route
// (prisma/seed/e2e.ts), so specs run in parallel without touching each other's data.
const PORT = Number(process.env.E2E_PORT ?? 3200);
export const APP_URL = `http://localhost:${PORT}`;
export const SIMULATOR_URL = `https://localhost:${PORT + 1}`;

export type SeededUser = E2eSeeded["users"][string] & { password: string };
export type Seeded = Omit<E2eSeeded, "users"> & { users: Record<string, SeededUser> };

export async function seed(input: E2eSeedInput): Promise<Seeded> {
  const api = await request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { Authorization: `Bearer ${process.env.E2E_SEED_TOKEN}` } });
  try {
    const res = await api.post("/api/test-seed", { data: input });
    if (res.status() !== 201) throw new Error(`POST /api/test-seed answered ${res.status()}: ${await res.text()}`);
    const seeded = (await res.json()) as E2eSeeded;
    const users = Object.fromEntries(Object.entries(seeded.users).map(([key, user]) => [key, { ...user, password: seeded.password }]));
    return { ...seeded, users };
  } finally {
    await api.dispose();
  }
}

/** One sign-in of each kind: Contoso's and Fabrikam's tenant admins, an engineer, a manager and a platform admin. */
export async function seedPeople() {
  const { users } = await seed({
    users: [
      { key: "contosoAdmin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "fabrikamAdmin", role: "TENANT_ADMIN", tenant: "fabrikam" },
      { key: "engineer", role: "ENGINEER" },
      { key: "manager", role: "MANAGER" },
      { key: "platform", role: "PLATFORM_ADMIN" },
    ],
  });
  return users as Record<"contosoAdmin" | "fabrikamAdmin" | "engineer" | "manager" | "platform", SeededUser>;
}

type TicketInput = NonNullable<E2eSeedInput["tickets"]>[number];

/**
 * The usual start of a ticket spec: Contoso's admin, an engineer, and one triaged ticket of
 * Adele's the admin filed and the engineer holds (`extra` adds to it, e.g. `workOf`).
 */
export async function seedTriagedTicket(extra: Partial<TicketInput> = {}) {
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "engineer", role: "ENGINEER" },
    ],
    tickets: [
      {
        key: "triaged",
        tenant: "contoso",
        reporter: "admin",
        assignee: "engineer",
        affectedUpn: "adele@contoso.example",
        status: "TRIAGED",
        ...extra,
      },
    ],
  });
  return { admin: users.admin!, engineer: users.engineer!, ticket: tickets.triaged! };
}

/** A name no other test uses (an account, a title), for a test that files its own incident. */
export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
