import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav-items";

describe("navItemsFor", () => {
  it("gives tenant admins their incidents and the intake form only", () => {
    expect(navItemsFor("TENANT_ADMIN").map((i) => i.label)).toEqual(["Our incidents", "Report an incident"]);
  });
  it("gives engineers the queue but not intake or admin", () => {
    expect(navItemsFor("ENGINEER").map((i) => i.href)).toEqual(["/tickets"]);
  });
  it("gives platform admins tenant management", () => {
    expect(navItemsFor("PLATFORM_ADMIN").map((i) => i.href)).toContain("/admin/tenants");
    expect(navItemsFor("MANAGER").map((i) => i.href)).toEqual(["/tickets", "/reviews", "/dashboard"]);
  });
});
