import { CONTOSO, FABRIKAM, NORTHWIND, type DemoTenant } from "./demo-tenants";
import type { SimResponse } from "./http";
import type { SimRuntime } from "./route";
import { buildWorld } from "./scenario/build";

// POST /_control/tenants {like, seed?}: a new tenant built like one of the demo's — the same
// people, attack, licences and app permissions — under its own tenant id, domain and app
// credentials. A test that changes a tenant (contains its Megan, raises alerts in it, connects it
// by consent) gets one nobody else uses, so tests share the simulator without a reset. A reset
// drops the copies.

const DEMOS = { contoso: CONTOSO, fabrikam: FABRIKAM, northwind: NORTHWIND } as const;

export function addTenantLike(rt: SimRuntime, body: Record<string, unknown>, seed: number): SimResponse {
  const like = String(body.like ?? "");
  if (!Object.hasOwn(DEMOS, like)) return { status: 400, body: { error: "like must be contoso, fabrikam or northwind" } };
  const demo = DEMOS[like as keyof typeof DEMOS];
  const tag = crypto.randomUUID().slice(0, 8);
  const copy: DemoTenant = {
    tenantId: crypto.randomUUID(),
    displayName: `${demo.displayName} ${tag}`,
    primaryDomain: `${like}-${tag}.example`,
    clientId: crypto.randomUUID(),
    clientSecret: `${like}-${crypto.randomUUID()}`,
  };
  const world = buildWorld(body.seed === undefined ? seed : Number(body.seed), rt.clock.now(), { [like]: copy });
  rt.world.tenants.set(copy.tenantId, world.tenants.get(copy.tenantId)!);
  // Like Northwind's own app, a copy's registration keeps its secret: it is connected by consent.
  return { status: 201, body: { ...copy, clientSecret: like === "northwind" ? undefined : copy.clientSecret } };
}
