import { describe, expect, it } from "vitest";
import { Role } from "@/generated/prisma/enums";
import { hasPermission, PERMISSIONS } from "./permissions";
import { clientIpFrom } from "./client-ip";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("permission map", () => {
  it("gives the platform admin every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission("PLATFORM_ADMIN", permission)).toBe(true);
    }
  });
  it("keeps tenant admins to intake, public comments, approvals and reports", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => hasPermission(Role.TENANT_ADMIN, p));
    expect(allowed.sort()).toEqual(["comments.writePublic", "remediation.approve", "reports.read", "tickets.create", "tickets.read"]);
  });
  it("lets managers review but not work tickets", () => {
    expect(hasPermission("MANAGER", "reports.review")).toBe(true);
    expect(hasPermission("MANAGER", "tickets.work")).toBe(false);
    expect(hasPermission("MANAGER", "remediation.run")).toBe(false);
  });
});

describe("client IP", () => {
  it("takes the entry the server appended unless a proxy is trusted", () => {
    expect(clientIpFrom("6.6.6.6, 127.0.0.1", false)).toBe("127.0.0.1");
    expect(clientIpFrom("203.0.113.9, 10.0.0.2", true)).toBe("203.0.113.9");
    expect(clientIpFrom(undefined, false)).toBe("unknown");
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
