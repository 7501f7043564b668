import type { TenantGraph } from "./client";
import { callGraph, type GraphCall } from "./request";

// Containment writes and reads on the user's account: one typed builder per Graph request (so a
// single call and a $batch item send exactly the same thing), and the single calls on top. Each
// write returns Graph's request id for the record.

export type PerUserMfaState = "disabled" | "enabled" | "enforced";

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

export const accountRequests = {
  resetPassword: (userId: string, password: string): GraphCall => ({
    op: "resetPassword",
    method: "PATCH",
    path: user(userId),
    body: { passwordProfile: { password, forceChangePasswordNextSignIn: true } },
  }),
  setAccountEnabled: (userId: string, enabled: boolean): GraphCall => ({
    op: "setAccountEnabled",
    method: "PATCH",
    path: user(userId),
    body: { accountEnabled: enabled },
  }),
  revokeSessions: (userId: string): GraphCall => ({ op: "revokeSessions", method: "POST", path: `${user(userId)}/revokeSignInSessions` }),
  /** Per-user MFA exists only in beta (docs/design-basis.md, Graph facts). */
  setMfaState: (userId: string, state: PerUserMfaState): GraphCall => ({
    op: "setMfaState",
    method: "PATCH",
    version: "beta",
    path: `${user(userId)}/authentication/requirements`,
    body: { perUserMfaState: state },
  }),
  getMfaState: (userId: string): GraphCall => ({
    op: "getMfaState",
    method: "GET",
    version: "beta",
    path: `${user(userId)}/authentication/requirements`,
  }),
  getSignInState: (userId: string): GraphCall => ({
    op: "getUser",
    method: "GET",
    path: `${user(userId)}?$select=id,userPrincipalName,accountEnabled,signInSessionsValidFromDateTime,lastPasswordChangeDateTime`,
  }),
};

export type SignInState = { accountEnabled: boolean | null; signInSessionsValidFrom: Date | null; lastPasswordChange: Date | null };

export function parseSignInState(body: unknown): SignInState {
  const u = (body ?? {}) as {
    accountEnabled?: boolean;
    signInSessionsValidFromDateTime?: string | null;
    lastPasswordChangeDateTime?: string | null;
  };
  return {
    accountEnabled: typeof u.accountEnabled === "boolean" ? u.accountEnabled : null,
    signInSessionsValidFrom: u.signInSessionsValidFromDateTime ? new Date(u.signInSessionsValidFromDateTime) : null,
    lastPasswordChange: u.lastPasswordChangeDateTime ? new Date(u.lastPasswordChangeDateTime) : null,
  };
}

export function parseMfaState(body: unknown): PerUserMfaState | null {
  const state = (body as { perUserMfaState?: string } | null)?.perUserMfaState;
  return state === "disabled" || state === "enabled" || state === "enforced" ? state : null;
}

export async function resetPassword(g: TenantGraph, userId: string, password: string) {
  const { requestId, clientRequestId } = await callGraph(g, accountRequests.resetPassword(userId, password));
  return { requestId, clientRequestId };
}

export async function setAccountEnabled(g: TenantGraph, userId: string, enabled: boolean) {
  const { requestId, clientRequestId } = await callGraph(g, accountRequests.setAccountEnabled(userId, enabled));
  return { requestId, clientRequestId };
}

export async function revokeSessions(g: TenantGraph, userId: string) {
  const { requestId, clientRequestId } = await callGraph(g, accountRequests.revokeSessions(userId));
  return { requestId, clientRequestId };
}

export async function getMfaState(g: TenantGraph, userId: string): Promise<{ state: PerUserMfaState | null; requestId: string | null }> {
  const { body, requestId } = await callGraph(g, accountRequests.getMfaState(userId));
  return { state: parseMfaState(body), requestId };
}

export async function setMfaState(g: TenantGraph, userId: string, state: PerUserMfaState) {
  const { requestId, clientRequestId } = await callGraph(g, accountRequests.setMfaState(userId, state));
  return { requestId, clientRequestId };
}
