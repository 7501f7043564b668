import type { TenantGraph } from "./client";
import { callGraph, listAll } from "./request";

/** createdAt: null when Graph gave none (phone and email methods often come without it). phoneType: mobile, alternateMobile or office. */
export type AuthMethod = { id: string; kind: string; detail: string | null; createdAt: Date | null; phoneType?: string | null };

type Row = {
  "@odata.type": string;
  id: string;
  phoneNumber?: string;
  phoneType?: string | null;
  displayName?: string;
  emailAddress?: string;
  createdDateTime?: string | null;
};

/** "#microsoft.graph.phoneAuthenticationMethod" → "phone" */
const kindOf = (odataType: string) => odataType.replace("#microsoft.graph.", "").replace(/AuthenticationMethod$/, "");

export async function listAuthMethods(g: TenantGraph, userId: string) {
  const { items, requestIds, truncated } = await listAll<Row>(g, {
    op: "listAuthMethods",
    path: `/users/${encodeURIComponent(userId)}/authentication/methods`,
  });
  return {
    methods: items.map((m): AuthMethod => ({
      id: m.id,
      kind: kindOf(m["@odata.type"]),
      detail: m.phoneNumber ?? m.emailAddress ?? m.displayName ?? null,
      createdAt: m.createdDateTime ? new Date(m.createdDateTime) : null,
      ...(m.phoneType !== undefined ? { phoneType: m.phoneType ?? null } : {}),
    })),
    requestIds,
    truncated,
  };
}

/** Deletes through the typed collection (phoneMethods, microsoftAuthenticatorMethods, …). */
export async function deleteAuthMethod(g: TenantGraph, userId: string, method: { id: string; kind: string }) {
  const { requestId, clientRequestId } = await callGraph(g, {
    op: "deleteAuthMethod",
    method: "DELETE",
    path: `/users/${encodeURIComponent(userId)}/authentication/${method.kind}Methods/${encodeURIComponent(method.id)}`,
  });
  return { requestId, clientRequestId };
}

/** The values of userPreferredMethodForSecondaryAuthentication (beta userDefaultAuthenticationMethodType). */
export type DefaultMethodType = "push" | "oath" | "voiceMobile" | "voiceAlternateMobile" | "voiceOffice" | "sms";

export type SignInPreferences = { systemPreferred: boolean | null; userPreferred: DefaultMethodType | null };

const preferences = (userId: string) => `/users/${encodeURIComponent(userId)}/authentication/signInPreferences`;

/** The user's default MFA method setting (beta only: learn.microsoft.com/graph/api/authentication-get?view=graph-rest-beta). */
export async function getSignInPreferences(g: TenantGraph, userId: string): Promise<SignInPreferences> {
  const { body } = await callGraph<{
    isSystemPreferredAuthenticationMethodEnabled?: boolean | null;
    userPreferredMethodForSecondaryAuthentication?: string | null;
  }>(g, {
    op: "getSignInPreferences",
    method: "GET",
    version: "beta",
    path: preferences(userId),
  });
  const preferred = body.userPreferredMethodForSecondaryAuthentication;
  return {
    systemPreferred: body.isSystemPreferredAuthenticationMethodEnabled ?? null,
    userPreferred: preferred && preferred !== "unknownFutureValue" ? (preferred as DefaultMethodType) : null,
  };
}

/** Makes another registered method the user's default (beta PATCH, authentication-update?view=graph-rest-beta). */
export async function setDefaultMethod(g: TenantGraph, userId: string, preferred: DefaultMethodType) {
  const { requestId, clientRequestId } = await callGraph(g, {
    op: "setSignInPreferences",
    method: "PATCH",
    version: "beta",
    path: preferences(userId),
    body: { userPreferredMethodForSecondaryAuthentication: preferred },
  });
  return { requestId, clientRequestId };
}
