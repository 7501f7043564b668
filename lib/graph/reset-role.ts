// Does the app's service principal hold a directory role that lets it reset passwords app-only
// (docs/design-basis.md, Graph facts: User Administrator, or higher)? Judged from what Graph shows: the token's
// `wids` (role template ids) or the principal's memberOf. Pure and tested.

export type RoleVerdict = { ok: boolean | null; message: string };

/** Template ids (the same in every tenant) and names of roles that can reset a user's password. */
const RESET_ROLES = [
  { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" },
  { id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", name: "Privileged Authentication Administrator" },
  { id: "62e90394-69f5-4237-9190-012177145e10", name: "Global Administrator" },
];

export function judgeResetRole(evidence: { wids: string[] | null; memberOf: string[] | null }): RoleVerdict {
  const fromToken = evidence.wids?.length ? RESET_ROLES.find((r) => evidence.wids!.includes(r.id)) : undefined;
  const fromMemberOf = evidence.memberOf ? RESET_ROLES.find((r) => evidence.memberOf!.includes(r.name)) : undefined;
  const held = fromToken ?? fromMemberOf;
  if (held) return { ok: true, message: `The app's service principal holds ${held.name}` };
  if (evidence.wids?.length || evidence.memberOf) {
    return {
      ok: false,
      message:
        "The app's service principal holds no User Administrator role: assign it in Entra ID → Roles and administrators, or password resets will be refused",
    };
  }
  return {
    ok: null,
    message:
      "Unverified: Graph showed neither the token's directory roles nor the app's memberOf. The first password reset will say if the User Administrator role is missing",
  };
}
