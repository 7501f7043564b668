import type { TenantGraph } from "./client";
import { callGraph, listAll } from "./request";

export type AuthMethod = { id: string; kind: string; detail: string | null; createdAt: Date | null };

type Row = { "@odata.type": string; id: string; phoneNumber?: string; displayName?: string; emailAddress?: string; createdDateTime?: string };

/** "#microsoft.graph.phoneAuthenticationMethod" → "phone" */
const kindOf = (odataType: string) => odataType.replace("#microsoft.graph.", "").replace(/AuthenticationMethod$/, "");

export async function listAuthMethods(g: TenantGraph, userId: string) {
  const { items, requestIds } = await listAll<Row>(g, { op: "listAuthMethods", path: `/users/${encodeURIComponent(userId)}/authentication/methods` });
  return {
    methods: items.map((m) => ({ id: m.id, kind: kindOf(m["@odata.type"]), detail: m.phoneNumber ?? m.emailAddress ?? m.displayName ?? null, createdAt: m.createdDateTime ? new Date(m.createdDateTime) : null })),
    requestIds,
  };
}

/** Deletes through the typed collection (phoneMethods, microsoftAuthenticatorMethods, …). */
export async function deleteAuthMethod(g: TenantGraph, userId: string, method: { id: string; kind: string }) {
  const { requestId } = await callGraph(g, { op: "deleteAuthMethod", method: "DELETE", path: `/users/${encodeURIComponent(userId)}/authentication/${method.kind}Methods/${encodeURIComponent(method.id)}` });
  return { requestId };
}
