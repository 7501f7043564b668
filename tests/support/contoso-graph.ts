import { createTenantGraph, type TenantGraph } from "@/lib/graph/client";
import { CONTOSO } from "@/simulator/demo-tenants";

/** The production Graph client for the simulator's Contoso tenant, with short retries for tests. */
export function contosoGraph(simulatorUrl: string): TenantGraph {
  return createTenantGraph({
    tenantId: CONTOSO.tenantId,
    clientId: CONTOSO.clientId,
    clientSecret: CONTOSO.clientSecret,
    simulatorUrl,
    retry: { maxRetries: 2, delaySeconds: 1 },
    timeoutMs: 10_000,
  });
}
