import { ClientSecretCredential } from "@azure/identity";
import { Client, HTTPMessageHandler, MiddlewareFactory, RetryHandler, type AuthenticationProvider, type Middleware } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";

// The one place the Graph SDK and @azure/identity are wired: app-only client credentials per
// customer tenant. A simulated tenant differs only in hosts (authority and Graph base URL).

export type GraphConnection = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Authority and Graph host of a simulated tenant, e.g. https://localhost:3001; unset = Microsoft's. */
  simulatorUrl?: string;
  /** Retries of 429/503/504, done by lib/graph/request.ts (Retry-After honoured; otherwise backoff from delaySeconds). */
  retry?: RetryPolicy;
  /** Per attempt: waiting out a throttle between attempts never counts (request.ts). */
  timeoutMs?: number;
};

/** maxWaitSeconds bounds the total time one call spends waiting out 429s before it gives up. */
export type RetryPolicy = { maxRetries: number; delaySeconds: number; maxWaitSeconds?: number };

export type TenantGraph = { tenantId: string; client: Client; timeoutMs: number; retry: RetryPolicy; credential: ClientSecretCredential };

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
  // Retries are ours (request.ts): the SDK's handler would retry a sendMail POST on 503 and count
  // Retry-After waits into the call's timeout.
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider).filter((m) => !(m instanceof RetryHandler));
  if (transport.beforeSend?.length) middleware.splice(middleware.findIndex((m) => m instanceof HTTPMessageHandler), 0, ...transport.beforeSend);
  const client = Client.initWithMiddleware({
    middleware,
    ...(c.simulatorUrl ? { baseUrl: c.simulatorUrl, customHosts: new Set([new URL(c.simulatorUrl).hostname]) } : {}),
  });
  return { tenantId: c.tenantId, client, timeoutMs: c.timeoutMs ?? 30_000, retry: c.retry ?? { maxRetries: 3, delaySeconds: 3 }, credential };
}
