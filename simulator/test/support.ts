import { ClientSecretCredential } from "@azure/identity";
import { expect } from "vitest";
import { Client } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import { CONTOSO, type DemoTenant } from "../demo-tenants";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";

// Test helpers: a simulator on a free port (certificate trusted via NODE_EXTRA_CA_CERTS, set by
// vitest.config.mts), plain-fetch access with a real token, and the real Graph SDK.

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, certDir: process.env.SIMULATOR_TEST_CERT_DIR, control: true, ...options });
}

/**
 * The simulator's own tests: every Graph response it sends is checked against Microsoft's
 * published schema (simulator/contract/graph); assert with expectConformingResponses.
 */
export async function startCheckedSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startTestSimulator({ validateResponses: true, ...options });
}

/** Fails on any response since the last call that broke Graph's schema, and starts afresh. */
export function expectConformingResponses(sim: RunningSimulator) {
  expect(sim.responseViolations.splice(0), "responses that break Graph's published schema").toEqual([]);
}

export function credentialFor(sim: RunningSimulator, tenant: DemoTenant = CONTOSO, secret = tenant.clientSecret) {
  return new ClientSecretCredential(tenant.tenantId, tenant.clientId, secret, { authorityHost: sim.url, disableInstanceDiscovery: true });
}

export async function tokenFor(sim: RunningSimulator, tenant: DemoTenant = CONTOSO): Promise<string> {
  const token = await credentialFor(sim, tenant).getToken("https://graph.microsoft.com/.default");
  return token.token;
}

export function graphClient(sim: RunningSimulator, tenant: DemoTenant = CONTOSO): Client {
  const authProvider = new TokenCredentialAuthenticationProvider(credentialFor(sim, tenant), {
    scopes: ["https://graph.microsoft.com/.default"],
  });
  return Client.initWithMiddleware({ authProvider, baseUrl: sim.url, customHosts: new Set(["localhost"]) });
}

/** A raw Graph call with fetch: status, headers and JSON body, for asserting the wire format. */
export async function call(sim: RunningSimulator, token: string | null, method: string, url: string, body?: unknown) {
  const res = await fetch(url.startsWith("https://") ? url : `${sim.url}${url}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // Tests index freely into Graph's JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown) {
  return call(sim, null, method, `/_control${path}`, body);
}
