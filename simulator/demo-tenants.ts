// The simulated tenants the demo and the tests connect to. The app's demo seed stores these ids
// and (encrypted) secrets on its Tenant rows; the simulator accepts exactly these credentials.

export type DemoTenant = {
  tenantId: string;
  displayName: string;
  primaryDomain: string;
  clientId: string;
  clientSecret: string;
};

export const CONTOSO: DemoTenant = {
  tenantId: "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01",
  displayName: "Contoso",
  primaryDomain: "contoso.example",
  clientId: "b5d0c1a2-3e4f-4a5b-8c6d-7e8f9a0b1c01",
  clientSecret: "contoso-demo-secret",
};

export const FABRIKAM: DemoTenant = {
  tenantId: "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a02",
  displayName: "Fabrikam",
  primaryDomain: "fabrikam.example",
  clientId: "b5d0c1a2-3e4f-4a5b-8c6d-7e8f9a0b1c02",
  clientSecret: "fabrikam-demo-secret",
};

export const DEMO_TENANTS = [CONTOSO, FABRIKAM] as const;

/**
 * Not connected to Breachdesk yet: its admin connects it through admin consent to Breachdesk's
 * multi-tenant app. It has an app registration of its own (clientId) whose secret nobody outside
 * the simulator knows: the connect journey must not need it.
 */
export const NORTHWIND: DemoTenant = {
  tenantId: "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a03",
  displayName: "Northwind",
  primaryDomain: "northwind.example",
  clientId: "b5d0c1a2-3e4f-4a5b-8c6d-7e8f9a0b1c03",
  clientSecret: `northwind-${crypto.randomUUID()}`,
};
