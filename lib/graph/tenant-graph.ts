import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createTenantGraph, type GraphConnection, type TenantGraph } from "./client";
import { recorderFor } from "./recording";

export type { TenantGraph } from "./client";

// One Graph client per tenant connection, cached per process (the credential caches its token).
// A changed secret or kind makes a new client.
const cache = ((globalThis as { __breachdeskGraph?: Map<string, TenantGraph> }).__breachdeskGraph ??= new Map());

export async function getTenantGraph(db: Db, tenantId: string, options: Pick<GraphConnection, "simulatorUrl" | "retry" | "timeoutMs"> = {}): Promise<TenantGraph> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { entraTenantId: true, connectionKind: true, clientId: true, clientSecretEncrypted: true, updatedAt: true },
  });
  if (!tenant) throw new AppError("NOT_FOUND", "Tenant not found.");
  if (!tenant.clientId || !tenant.clientSecretEncrypted) {
    throw new AppError("INVALID_STATE", "This tenant has no Graph connection yet: a platform admin must add its app client id and secret.");
  }
  const env = getEnv();
  const simulatorUrl = tenant.connectionKind === "SIMULATED" ? (options.simulatorUrl ?? env.GRAPH_SIMULATOR_URL) : undefined;
  const key = [tenantId, tenant.updatedAt.toISOString(), simulatorUrl ?? "graph", options.retry?.delaySeconds ?? "", options.timeoutMs ?? ""].join("|");
  let graph = cache.get(key);
  if (!graph) {
    graph = createTenantGraph({
      tenantId: tenant.entraTenantId,
      clientId: tenant.clientId,
      clientSecret: decryptSecret(tenant.clientSecretEncrypted, env.BREACHDESK_ENCRYPTION_KEY),
      simulatorUrl,
      ...options,
    }, { beforeSend: recorderFor(env.GRAPH_RECORD_DIR) });
    cache.set(key, graph);
  }
  return graph;
}
