import {
  ClientCertificateCredential,
  ClientSecretCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from "@azure/identity";
import {
  Client,
  HTTPMessageHandler,
  MiddlewareFactory,
  RetryHandler,
  type AuthenticationProvider,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import type { AppCredential } from "./app-credentials";
import { credentialError, signInUnavailable } from "./errors";

// The one place the Graph SDK and @azure/identity are wired: app-only client credentials per
// customer tenant (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
// The credential is a tenant's own app registration secret, or Breachdesk's multi-tenant app's
// certificate(s) and/or secret(s): ClientCertificateCredential signs the client assertion
// (certificate-credentials), trying the rotation credential when Entra refuses the first. A
// simulated tenant differs only in hosts (authority and Graph base URL).

export type GraphConnection = {
  tenantId: string;
  clientId: string;
  /** A tenant's own app registration: its client secret. */
  clientSecret?: string;
  /** Breachdesk's app: its credentials in order of preference (certificates first, then secrets). */
  credentials?: AppCredential[];
  /** Authority and Graph host of a simulated tenant, e.g. https://localhost:3001; unset = Microsoft's. */
  simulatorUrl?: string;
  /** Retries of 429/503/504, done by lib/graph/request.ts (Retry-After honoured; otherwise backoff from delaySeconds). */
  retry?: RetryPolicy;
  /** Per attempt: waiting out a throttle between attempts never counts (request.ts). */
  timeoutMs?: number;
  /** Per token request (default: the call's limit, at least 10 s — a first token can be slow to issue). */
  tokenTimeoutMs?: number;
};

/** maxWaitSeconds bounds the total time one call spends waiting out 429s before it gives up. */
export type RetryPolicy = { maxRetries: number; delaySeconds: number; maxWaitSeconds?: number };

export type TenantGraph = { tenantId: string; client: Client; timeoutMs: number; retry: RetryPolicy; credential: TokenCredential };

const SCOPE = "https://graph.microsoft.com/.default";

/** Test seams on the wire only (lib/graph/test-clients.ts): another token source, or middleware just before the HTTP send. */
export type GraphTransport = { authProvider?: AuthenticationProvider; beforeSend?: Middleware[] };

/** Entra refused the credential itself (wrong or expired secret, unknown or expired certificate): the next one may work. */
const REFUSED = new Set(["AADSTS7000215", "AADSTS7000222", "AADSTS700027", "AADSTS700024", "AADSTS50013"]);

/**
 * Tries the credentials in order and keeps using the first that works: during a rotation the new
 * certificate or secret takes over without downtime when the old one is removed from the app.
 */
class FirstAcceptedCredential implements TokenCredential {
  private preferred = 0;
  constructor(private readonly credentials: TokenCredential[]) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    let last: unknown;
    for (let i = 0; i < this.credentials.length; i++) {
      const index = (this.preferred + i) % this.credentials.length;
      try {
        const token = await this.credentials[index]!.getToken(scopes, options);
        this.preferred = index;
        return token;
      } catch (error) {
        const code = credentialError(error)?.details?.graphCode;
        if (typeof code !== "string" || !REFUSED.has(code)) throw error;
        last = error;
      }
    }
    throw last;
  }
}

export function createCredential(
  c: Pick<GraphConnection, "tenantId" | "clientId" | "clientSecret" | "credentials" | "simulatorUrl">,
): TokenCredential {
  const options = c.simulatorUrl ? { authorityHost: c.simulatorUrl, disableInstanceDiscovery: true } : {};
  const credentials = (c.credentials ?? []).map((credential): TokenCredential =>
    credential.kind === "certificate"
      ? new ClientCertificateCredential(c.tenantId, c.clientId, { certificate: credential.pem }, options)
      : new ClientSecretCredential(c.tenantId, c.clientId, credential.secret, options),
  );
  if (c.clientSecret) credentials.push(new ClientSecretCredential(c.tenantId, c.clientId, c.clientSecret, options));
  if (credentials.length === 0) throw new Error("A Graph connection needs a client secret or a certificate.");
  return credentials.length === 1 ? credentials[0]! : new FirstAcceptedCredential(credentials);
}

export function createTenantGraph(c: GraphConnection, transport: GraphTransport = {}): TenantGraph {
  return graphWith(c, createCredential(c), transport);
}

/** A Graph client on a delegated access token (the signed-in admin's, for the guided setup). */
export function createDelegatedGraph(
  c: Pick<GraphConnection, "tenantId" | "simulatorUrl" | "timeoutMs">,
  accessToken: { token: string; expiresOnTimestamp: number },
): TenantGraph {
  const credential: TokenCredential = { getToken: async () => accessToken };
  return graphWith({ ...c, clientId: "", retry: { maxRetries: 0, delaySeconds: 1 } }, credential, {});
}

/**
 * Token requests get the call's time limit too (the token endpoint can hang like any host), and a
 * 5xx or timeout from it becomes SIGN_IN_UNAVAILABLE — "retry", never "check your secret".
 */
function guardTokenRequests(credential: TokenCredential, timeoutMs: number): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(signInUnavailable(null, true));
        }, timeoutMs);
      });
      try {
        return await Promise.race([credential.getToken(scopes, { ...options, abortSignal: controller.signal }), timeout]);
      } catch (error) {
        throw signInUnavailable(error) ?? error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A Graph client that gets its tokens from the given credential (e.g. createCredential's, wrapped). */
export function graphWith(c: GraphConnection, unguarded: TokenCredential, transport: GraphTransport = {}): TenantGraph {
  const credential = guardTokenRequests(unguarded, c.tokenTimeoutMs ?? Math.max(c.timeoutMs ?? 30_000, 10_000));
  const authProvider = transport.authProvider ?? new TokenCredentialAuthenticationProvider(credential, { scopes: [SCOPE] });
  // Retries are ours (request.ts): the SDK's handler would retry a sendMail POST on 503 and count
  // Retry-After waits into the call's timeout.
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider).filter((m) => !(m instanceof RetryHandler));
  if (transport.beforeSend?.length)
    middleware.splice(
      middleware.findIndex((m) => m instanceof HTTPMessageHandler),
      0,
      ...transport.beforeSend,
    );
  const client = Client.initWithMiddleware({
    middleware,
    ...(c.simulatorUrl ? { baseUrl: c.simulatorUrl, customHosts: new Set([new URL(c.simulatorUrl).hostname]) } : {}),
  });
  return {
    tenantId: c.tenantId,
    client,
    timeoutMs: c.timeoutMs ?? 30_000,
    retry: c.retry ?? { maxRetries: 3, delaySeconds: 3 },
    credential,
  };
}
