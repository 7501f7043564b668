import type { HeldRole } from "@/lib/graph/users";
import { isPrivileged } from "./approval-rules";
import type { StepOutcome } from "./record";

// Resetting a password and blocking or allowing sign-in are "sensitive actions": on an account
// that holds an admin role, Microsoft Entra lets an app do them only with a role higher than User
// Administrator, e.g. Privileged Authentication Administrator (learn.microsoft.com/graph/api/
// resources/users, "Who can perform sensitive actions"). Graph answers the same 403 as for a
// missing permission, so the refusal names what the target holds and the role the app needs,
// rather than a permission it already has. Pure and tested.

const SENSITIVE: Record<string, string> = {
  "reset-password": "reset the password of",
  "block-sign-in": "block sign-in for",
  "re-enable-sign-in": "allow sign-in again for",
};
const DENIED = "Authorization_RequestDenied";

const rolesText = (roles: HeldRole[]) => roles.map((r) => (r.via === "eligible" ? `eligible for ${r.name} (PIM)` : r.name)).join(", ");

export function explainPrivileged(outcomes: StepOutcome[], roles: HeldRole[] | null, upn: string): StepOutcome[] {
  const privileged = (roles ?? []).filter((r) => isPrivileged([r.name]));
  return outcomes.map((o) => {
    const verb = SENSITIVE[o.stepKey];
    if (!verb || o.status !== "FAILED" || o.graphCode !== DENIED) return o;
    const ref = o.requestIds[0] ? ` (Graph request ${o.requestIds[0]})` : "";
    if (privileged.length > 0) {
      return {
        ...o,
        errorMessage: `Microsoft Graph refused to ${verb} ${upn}: it is a privileged account (${rolesText(privileged)}), and Microsoft Entra lets an app do that only when its service principal holds the Privileged Authentication Administrator role (or Global Administrator) — User Administrator is not enough. Assign that role in Entra ID → Roles and administrators, or have a Privileged Authentication Administrator do this step by hand${ref}.`,
      };
    }
    if (roles === null)
      return {
        ...o,
        errorMessage:
          `${o.errorMessage ?? ""} If ${upn} holds an admin role (its roles could not be read), the app's service principal needs the Privileged Authentication Administrator role instead.`.trim(),
      };
    return o;
  });
}
