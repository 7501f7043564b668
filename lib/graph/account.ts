import type { TenantGraph } from "./client";
import { callGraph } from "./request";

// Containment writes on the user's account. Each returns Graph's request id for the record.

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

export async function resetPassword(g: TenantGraph, userId: string, password: string) {
  const { requestId } = await callGraph(g, { op: "resetPassword", method: "PATCH", path: user(userId), body: { passwordProfile: { password, forceChangePasswordNextSignIn: true } } });
  return { requestId };
}

export async function setAccountEnabled(g: TenantGraph, userId: string, enabled: boolean) {
  const { requestId } = await callGraph(g, { op: "setAccountEnabled", method: "PATCH", path: user(userId), body: { accountEnabled: enabled } });
  return { requestId };
}

export async function revokeSessions(g: TenantGraph, userId: string) {
  const { requestId } = await callGraph(g, { op: "revokeSessions", method: "POST", path: `${user(userId)}/revokeSignInSessions` });
  return { requestId };
}

export type PerUserMfaState = "disabled" | "enabled" | "enforced";

export async function getMfaState(g: TenantGraph, userId: string): Promise<{ state: PerUserMfaState; requestId: string | null }> {
  const { body, requestId } = await callGraph<{ perUserMfaState: PerUserMfaState }>(g, { op: "getMfaState", method: "GET", version: "beta", path: `${user(userId)}/authentication/requirements` });
  return { state: body.perUserMfaState, requestId };
}

export async function setMfaState(g: TenantGraph, userId: string, state: PerUserMfaState) {
  const { requestId } = await callGraph(g, { op: "setMfaState", method: "PATCH", version: "beta", path: `${user(userId)}/authentication/requirements`, body: { perUserMfaState: state } });
  return { requestId };
}
