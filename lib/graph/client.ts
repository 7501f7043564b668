import { ClientSecretCredential } from "@azure/identity";
import { Client, HTTPMessageHandler, MiddlewareFactory, RetryHandler, RetryHandlerOptions, type AuthenticationProvider, type Middleware } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";

// The one place the Graph SDK and @azure/identity are wired: app-only client credentials per
// customer tenant. A simulated tenant differs only in hosts (authority and Graph base URL).

export type GraphConnection = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Authority and Graph host of a simulated tenant, e.g. https://localhost:3001; unset = Microsoft's. */
  simulatorUrl?: string;
  /** Retries of 429/503/504 (Retry-After honoured; otherwise backoff from delaySeconds). */
  retry?: { maxRetries: number; delaySeconds: number };
  /** Per-call timeout. */
  timeoutMs?: number;
};

export type TenantGraph = { tenantId: string; client: Client; timeoutMs: number; credential: ClientSecretCredential };

const SCOPE = "https://graph.microsoft.com/.default";

/** Test seams on the wire only (lib/graph/test-clients.ts): another token source, or middleware just before the HTTP send. */
export type GraphTransport = { authProvider?: AuthenticationProvider; beforeSend?: Middleware[] };

export function createTenantGraph(c: GraphConnection, transport: GraphTransport = {}): TenantGraph {
  const credential = new ClientSecretCredential(
    c.tenantId,
    c.clientId,
    c.clientSecret,
    c.simulatorUrl ? { authorityHost: c.simulatorUrl, disableInstanceDiscovery: true } : {},
  );
  const authProvider = transport.authProvider ?? new TokenCredentialAuthenticationProvider(credential, { scopes: [SCOPE] });
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  const retry = c.retry ?? { maxRetries: 3, delaySeconds: 3 };
  const retryIndex = middleware.findIndex((m) => m instanceof RetryHandler);
  if (retryIndex >= 0) middleware[retryIndex] = new RetryHandler(new RetryHandlerOptions(retry.delaySeconds, retry.maxRetries));
  if (transport.beforeSend?.length) middleware.splice(middleware.findIndex((m) => m instanceof HTTPMessageHandler), 0, ...transport.beforeSend);
  const client = Client.initWithMiddleware({
    middleware,
    ...(c.simulatorUrl ? { baseUrl: c.simulatorUrl, customHosts: new Set([new URL(c.simulatorUrl).hostname]) } : {}),
  });
  return { tenantId: c.tenantId, client, timeoutMs: c.timeoutMs ?? 30_000, credential };
}
