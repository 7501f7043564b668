import { describe, expect, it } from "vitest";
import { Role } from "@/generated/prisma/enums";
import { hasPermission, PERMISSIONS } from "./permissions";
import { clientIpFrom, SHARED_BUCKET } from "./client-ip";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("permission map", () => {
  it("gives the platform admin every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission("PLATFORM_ADMIN", permission)).toBe(true);
    }
  });
  it("keeps tenant admins to intake, public comments, approvals, reports, notifications and connecting their tenant", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => hasPermission(Role.TENANT_ADMIN, p));
    expect(allowed.sort()).toEqual([
      "comments.writePublic",
      "notifications.read",
      "remediation.approve",
      "reports.read",
      "session.end",
      "tenants.connect",
      "tickets.create",
      "tickets.read",
    ]);
  });
  it("keeps managers read-only on tickets: they read, review reports and see the dashboard, nothing else", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => hasPermission(Role.MANAGER, p));
    expect(allowed.sort()).toEqual([
      "comments.readInternal",
      "dashboard.view",
      "notifications.read",
      "reports.read",
      "reports.review",
      "session.end",
      "tickets.queue",
      "tickets.read",
    ]);
  });
});

describe("client IP", () => {
  it("trusts the server-set header only behind scripts/server.mjs, else one shared bucket", () => {
    // Vitest does not run behind the server: a client-sent header must not pick the bucket.
    expect(clientIpFrom("203.0.113.9")).toBe(SHARED_BUCKET);
    expect(clientIpFrom("203.0.113.9", true)).toBe("203.0.113.9");
    expect(clientIpFrom(undefined, true)).toBe(SHARED_BUCKET);
  });
});

describe("password hashing", () => {
  it("verifies the right password only, with a salted hash", async () => {
    const a = await hashPassword("Breachdesk-demo-1");
    const b = await hashPassword("Breachdesk-demo-1");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Breachdesk-demo-1", a)).toBe(true);
    expect(await verifyPassword("breachdesk-demo-1", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
