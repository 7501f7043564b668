import { describe, expect, it } from "vitest";
import { canDecide, isPrivileged, needsApproval } from "./approval-rules";

describe("approval rules", () => {
  it("asks for a second person on destructive steps when the tenant wants it or the account is privileged", () => {
    expect(needsApproval({ destructive: true, tenantRequiresApproval: true, targetIsPrivileged: false })).toBe(true);
    expect(needsApproval({ destructive: true, tenantRequiresApproval: false, targetIsPrivileged: true })).toBe(true);
    expect(needsApproval({ destructive: true, tenantRequiresApproval: false, targetIsPrivileged: false })).toBe(false);
    expect(needsApproval({ destructive: false, tenantRequiresApproval: true, targetIsPrivileged: true })).toBe(false);
  });
  it("treats admin directory roles as privileged", () => {
    expect(isPrivileged(["Global Administrator"])).toBe(true);
    expect(isPrivileged(["Directory Readers"])).toBe(false);
    expect(isPrivileged([])).toBe(false);
  });
  it("lets another engineer or the tenant's own admin decide, never the requester", () => {
    const approval = { requestedById: "e1", tenantId: "t1" };
    expect(canDecide({ id: "e1", role: "ENGINEER", tenantId: null }, approval)).toMatch(/own request/);
    expect(canDecide({ id: "e2", role: "ENGINEER", tenantId: null }, approval)).toBeNull();
    expect(canDecide({ id: "a1", role: "TENANT_ADMIN", tenantId: "t1" }, approval)).toBeNull();
    expect(canDecide({ id: "a2", role: "TENANT_ADMIN", tenantId: "t2" }, approval)).toMatch(/tenant's admins/);
    expect(canDecide({ id: "m1", role: "MANAGER", tenantId: null }, approval)).toMatch(/Managers/);
  });
});
