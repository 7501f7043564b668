import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav-items";

describe("navItemsFor", () => {
  it("gives tenant admins their incidents, the intake form and their tenant's Microsoft 365 connection only", () => {
    expect(navItemsFor("TENANT_ADMIN").map((i) => i.label)).toEqual(["Our incidents", "Report an incident", "Microsoft 365"]);
  });
  it("gives engineers the queue but not intake or admin", () => {
    expect(navItemsFor("ENGINEER").map((i) => i.href)).toEqual(["/tickets"]);
  });
  it("gives platform admins tenant management", () => {
    expect(navItemsFor("PLATFORM_ADMIN").map((i) => i.href)).toContain("/admin/tenants");
    expect(navItemsFor("PLATFORM_ADMIN").map((i) => i.href)).not.toContain("/tenant");
    expect(navItemsFor("MANAGER").map((i) => i.href)).toEqual(["/tickets", "/reviews", "/dashboard"]);
  });
  it("puts a count beside the page it counts, only when there is one", () => {
    expect(navItemsFor("MANAGER", { "/reviews": 3 }).find((i) => i.href === "/reviews")).toEqual({
      href: "/reviews",
      label: "Reviews",
      count: 3,
    });
    expect(navItemsFor("MANAGER", { "/reviews": 0 }).find((i) => i.href === "/reviews")).toEqual({ href: "/reviews", label: "Reviews" });
  });
});
