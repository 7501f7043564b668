import { ok } from "../http";
import { collection } from "../odata";
import { path, type Route } from "../route";
import type { FilterRules } from "../filter-rules";
import type { RoleEligibility } from "../state";

// PIM eligible role assignments (learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityscheduleinstances):
// a role the user may activate at any time, never shown by memberOf until activated.

const ELIGIBILITY_FILTERS: FilterRules = {
  resource: "unifiedRoleEligibilityScheduleInstance",
  directory: true,
  properties: { principalId: ["eq"], roleDefinitionId: ["eq"], directoryScopeId: ["eq"] },
};

const view = (e: RoleEligibility) => ({
  id: e.id,
  principalId: e.principalId,
  roleDefinitionId: e.roleDefinitionId,
  directoryScopeId: "/",
  appScopeId: null,
  startDateTime: e.startDateTime,
  endDateTime: null,
  memberType: "Direct",
  roleEligibilityScheduleId: e.id,
});

export const roleRoutes: Route[] = [
  {
    op: "listRoleEligibilityScheduleInstances",
    method: "GET",
    pattern: path("/roleManagement/directory/roleEligibilityScheduleInstances"),
    permissions: [
      "RoleEligibilitySchedule.Read.Directory",
      "RoleManagement.Read.Directory",
      "RoleManagement.Read.All",
      "RoleEligibilitySchedule.ReadWrite.Directory",
      "RoleManagement.ReadWrite.Directory",
    ],
    handle: (ctx) => ok(collection(ctx, ctx.tenant.roleEligibilities.map(view), { filterRules: ELIGIBILITY_FILTERS })),
  },
];
