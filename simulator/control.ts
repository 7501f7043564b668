import { grantAdminConsent, servicePrincipalOf } from "./applications";
import type { SimResponse } from "./http";
import { generateCompromisedUsers } from "./scenario/build";
import { ATTACKER } from "./scenario/users";
import type { SimRuntime } from "./route";
import { recordWrite } from "./lag";
import { writesOf } from "./write-count";
import { alertControl, sprayControl } from "./alerts";
import { riskDetectionControl } from "./risk-detections";
import { findUser, type AuthMethod, type SimUser, type TenantState } from "./state";
import type { Fault, Faults } from "./faults";
import { addTenantLike } from "./tenant-copy";

// Test-only control endpoints (enabled with control: true / SIMULATOR_CONTROL=1): reset, knobs,
// clock, state for assertions, and the attacker's moves.

export type ControlHooks = {
  reset(seed?: number): void;
  configure(config: Record<string, unknown>): void;
  faults: Faults;
  /** The scenario's seed, for tenants added like a demo tenant. */
  seed: number;
};

/** POST /_control/tenants/:id/faults { faults }: faults for this tenant's calls only (faults.ts). */
function tenantFaults(hooks: ControlHooks, t: TenantState, body: Record<string, unknown>): SimResponse {
  const faults = body.faults;
  if (!Array.isArray(faults) || !faults.every((f) => typeof f === "object" && f !== null && typeof f.operation === "string"))
    return { status: 400, body: { error: "faults must be a list of {operation, status | timeout, times?, user?}" } };
  hooks.faults.setForTenant(t.tenantId, faults as Fault[]);
  return { status: 204 };
}

function tenantOr404(rt: SimRuntime, id: string): TenantState | SimResponse {
  return rt.world.tenants.get(id) ?? { status: 404, body: { error: `unknown tenant ${id}` } };
}

function attackerSignIn(rt: SimRuntime, t: TenantState, body: { upn?: string; password?: string }): SimResponse {
  const u = findUser(t, body.upn ?? "");
  if (!u) return { status: 404, body: { error: "unknown user" } };
  const password = body.password ?? u.stolenPassword ?? u.password;
  const [errorCode, failureReason] = !u.accountEnabled
    ? [50057, "User account is disabled."]
    : password !== u.password
      ? [50126, "Invalid username or password or Invalid on-premise username or password."]
      : u.perUserMfaState !== "disabled"
        ? [50074, "Strong Authentication is required."]
        : [0, null];
  const now = rt.clock.iso();
  t.signIns.push({
    id: crypto.randomUUID(),
    createdDateTime: now,
    userId: u.id,
    userPrincipalName: u.userPrincipalName,
    userDisplayName: u.displayName,
    appDisplayName: "Office 365 Exchange Online",
    appId: "00000002-0000-0ff1-ce00-000000000000",
    ipAddress: ATTACKER.ip,
    clientAppUsed: "Browser",
    isInteractive: true,
    location: { city: ATTACKER.city, state: null, countryOrRegion: ATTACKER.country },
    status: { errorCode, failureReason, additionalDetails: null },
    riskLevelDuringSignIn: "high",
  });
  if (errorCode === 0) u.sessions.push({ id: crypto.randomUUID(), actor: "attacker", issuedAt: now });
  return { status: 200, body: { success: errorCode === 0, errorCode, failureReason } };
}

/** Whether the attacker's existing session still works (revoke and block end it). */
function attackerSession(t: TenantState, upn: string): SimResponse {
  const u = findUser(t, upn);
  if (!u) return { status: 404, body: { error: "unknown user" } };
  const sessions = u.sessions.filter((s) => s.actor === "attacker");
  const valid = u.accountEnabled && sessions.some((s) => s.issuedAt >= u.signInSessionsValidFromDateTime);
  return { status: 200, body: { valid, sessions: sessions.length } };
}

/**
 * The user registers a method of their own (after the helpdesk gave them a Temporary Access Pass,
 * say): Authenticator becomes their default when asked, as the user would choose it in My Sign-Ins.
 */
function registerMethod(rt: SimRuntime, t: TenantState, u: SimUser, body: { kind?: string; makeDefault?: boolean }): SimResponse {
  const kind = (body.kind ?? "microsoftAuthenticator") as AuthMethod["kind"];
  if (kind !== "microsoftAuthenticator" && kind !== "softwareOath")
    return { status: 400, body: { error: "kind must be microsoftAuthenticator or softwareOath" } };
  recordWrite(rt, t, "methods", u.id, u.methods);
  const method: AuthMethod = {
    id: crypto.randomUUID(),
    kind,
    displayName: `${u.displayName.split(" ")[0]}'s new phone`,
    createdDateTime: rt.clock.iso(),
  };
  u.methods.push(method);
  if (body.makeDefault) {
    recordWrite(rt, t, "signInPreferences", u.id, u.signInPreferences);
    u.signInPreferences = {
      ...u.signInPreferences,
      userPreferredMethodForSecondaryAuthentication: kind === "microsoftAuthenticator" ? "push" : "oath",
    };
  }
  return { status: 201, body: { id: method.id } };
}

/** An admin removes a rule outside Graph (Outlook on the web, or Remove-InboxRule): how a read-only rule goes. */
function removeRuleOutsideGraph(rt: SimRuntime, t: TenantState, u: SimUser, ruleId: string): SimResponse {
  if (!u.rules.some((r) => r.id === ruleId)) return { status: 404, body: { error: "unknown rule" } };
  recordWrite(rt, t, "rules", u.id, u.rules);
  u.rules = u.rules.filter((r) => r.id !== ruleId);
  return { status: 204 };
}

export function handleControl(
  rt: SimRuntime,
  hooks: ControlHooks,
  method: string,
  path: string,
  body: Record<string, unknown>,
): SimResponse {
  const parts = path.split("/").filter(Boolean); // ["_control", ...]
  const [, a, b] = parts;
  if (method === "POST" && a === "reset") return (hooks.reset(body.seed as number | undefined), { status: 204 });
  if (method === "POST" && a === "config") return (hooks.configure(body), { status: 204 });
  if (method === "POST" && a === "advance-time")
    return (rt.clock.advance(Number(body.ms ?? 0)), { status: 200, body: { now: rt.clock.iso() } });
  if (method === "POST" && a === "tenants" && !b) return addTenantLike(rt, body, hooks.seed);
  if (a !== "tenants" || !b) return { status: 404, body: { error: "unknown control endpoint" } };
  const t = tenantOr404(rt, b);
  if ("status" in t) return t;
  // On the tenant's own time (clock.ts).
  return rt.clock.forTenant(t.tenantId, () => tenantControl(rt, hooks, t, method, parts, body));
}

function tenantControl(
  rt: SimRuntime,
  hooks: ControlHooks,
  t: TenantState,
  method: string,
  parts: string[],
  body: Record<string, unknown>,
): SimResponse {
  const [, , , c, d, e] = parts;
  if (method === "POST" && c === "faults") return tenantFaults(hooks, t, body);
  if (method === "POST" && c === "advance-time")
    return (rt.clock.advanceTenant(t.tenantId, Number(body.ms ?? 0)), { status: 200, body: { now: rt.clock.iso() } });
  if (method === "GET" && c === "users") {
    // Passwords stay inside the simulator.
    return { status: 200, body: t.users.map((u) => ({ ...u, password: undefined, stolenPassword: undefined })) };
  }
  if (method === "GET" && c === "outbox") return { status: 200, body: t.outbox };
  if (method === "GET" && c === "writes") return { status: 200, body: writesOf(rt, t.tenantId) };
  if (method === "POST" && c === "alerts") return alertControl(rt, t, body);
  if (method === "POST" && c === "spray") return sprayControl(rt, t, body);
  if (method === "POST" && c === "risk-detections") return riskDetectionControl(rt, t, body);
  if (method === "POST" && c === "users" && d && (e === "register-method" || e === "remove-rule")) {
    const u = findUser(t, d);
    if (!u) return { status: 404, body: { error: "unknown user" } };
    return e === "register-method" ? registerMethod(rt, t, u, body) : removeRuleOutsideGraph(rt, t, u, String(body.ruleId ?? ""));
  }
  if (method === "GET" && c === "sign-ins")
    return { status: 200, body: t.signIns.filter((s) => !body.upn || s.userPrincipalName === body.upn) };
  if (method === "POST" && c === "attacker-sign-in") return attackerSignIn(rt, t, body as { upn?: string; password?: string });
  if (method === "POST" && c === "attacker-session") return attackerSession(t, String(body.upn ?? ""));
  if (method === "POST" && (c === "generate-compromised" || c === "compromised-users")) {
    const count = Number(body.count ?? 1);
    if (c === "compromised-users" && (!Number.isInteger(count) || count < 1 || count > 10_000))
      return { status: 400, body: { error: "count must be a whole number from 1 to 10000" } };
    const users = generateCompromisedUsers(t, count, Number(body.seed ?? 7), rt.clock.now());
    // generate-compromised keeps its original answer (the UPNs); compromised-users says more.
    if (c === "generate-compromised") return { status: 200, body: users.map((u) => u.userPrincipalName) };
    return {
      status: 201,
      body: { users: users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName })), total: t.generatedUsers },
    };
  }
  if (method === "POST" && c === "admin-consent") {
    // What an administrator's "Accept" on the admin-consent page does, without the browser.
    const app = rt.applications?.get(String(body.clientId ?? ""));
    if (!app) return { status: 404, body: { error: "unknown application" } };
    return { status: 200, body: { servicePrincipalId: grantAdminConsent(t, app, rt.clock.iso()).id } };
  }
  if (method === "POST" && c === "service-principals" && parts[4]) {
    const sp = servicePrincipalOf(t, parts[4]);
    if (!sp) return { status: 404, body: { error: "no service principal for that app" } };
    if (Array.isArray(body.permissions)) sp.permissions = body.permissions.map(String);
    if (Array.isArray(body.directoryRoles)) sp.directoryRoles = body.directoryRoles.map(String);
    return { status: 204 };
  }
  if (method === "POST" && c === "settings") {
    if (body.licences) Object.assign(t.licences, body.licences);
    if (Array.isArray(body.permissions)) t.app.permissions = body.permissions.map(String);
    if (Array.isArray(body.directoryRoles)) t.app.directoryRoles = body.directoryRoles.map(String);
    if ("mailSendScope" in body) t.mailSendScope = Array.isArray(body.mailSendScope) ? body.mailSendScope.map(String) : null;
    return { status: 204 };
  }
  return { status: 404, body: { error: "unknown control endpoint" } };
}
