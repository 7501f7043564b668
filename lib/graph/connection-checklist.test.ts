import { beforeAll, describe, expect, it } from "vitest";
import { generateClientCertificate } from "@/simulator/certificate";
import { CONTOSO, FABRIKAM, NORTHWIND } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { loadAppCredentials } from "./app-credentials";
import { createTenantGraph } from "./client";
import { readConnectionChecklist, type ChecklistItem } from "./connection-checklist";
import { DEPLOYMENT_APP_PERMISSIONS } from "./operations";

// The checklist read back from the tenant, app-only: what is done, what is missing, and what
// cannot be told (never guessed as done).

const APP_ID = "0d7c6b5a-4e3f-4a2b-9c1d-8e7f6a5b4c3d";
const states = (items: ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.key, i.state]));

describe("connection checklist", () => {
  let cert: Awaited<ReturnType<typeof generateClientCertificate>>;
  let pem: string;
  beforeAll(async () => {
    cert = await generateClientCertificate("Checklist test app");
    pem = `${cert.cert}${cert.key}`;
  });
  const sim = setUpTestSimulator(() => ({
    applications: [{ clientId: APP_ID, displayName: "Breachdesk", certificates: [cert.cert], permissions: DEPLOYMENT_APP_PERMISSIONS }],
  }));

  const deploymentGraph = async () =>
    createTenantGraph({
      tenantId: NORTHWIND.tenantId,
      clientId: APP_ID,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
      credentials: await loadAppCredentials([{ kind: "certificate", slot: "current", value: pem }]),
    });
  const input = {
    appClientId: APP_ID,
    requiredPermissions: DEPLOYMENT_APP_PERMISSIONS,
    serviceMailbox: `security@${NORTHWIND.primaryDomain}`,
    lastAdvisorySentAt: null,
  };

  it("before consent: consent missing, everything else cannot be told", async () => {
    const result = await readConnectionChecklist(await deploymentGraph(), input);
    expect(result).toMatchObject({ connected: false, error: expect.stringContaining("not registered or consented in this tenant") });
    expect(states(result.items)).toEqual({
      consent: "missing",
      userAdministrator: "unknown",
      privilegedAuthentication: "unknown",
      messageTrace: "unknown",
      mailboxScope: "unknown",
    });
  });

  it("after consent: the mailbox scope cannot be told until an advisory was sent; a permission consent lacks is named", async () => {
    await control(sim, "POST", `/tenants/${NORTHWIND.tenantId}/admin-consent`, { clientId: APP_ID });
    const result = await readConnectionChecklist(await deploymentGraph(), input);
    expect(states(result.items)).toEqual({
      consent: "done",
      userAdministrator: "missing",
      privilegedAuthentication: "missing",
      messageTrace: "missing",
      mailboxScope: "unknown",
    });
    expect(result.items.find((i) => i.key === "mailboxScope")!.detail).toMatch(
      /^Cannot tell: no Graph API shows an Exchange application access scope/,
    );
    const sent = await readConnectionChecklist(await deploymentGraph(), { ...input, lastAdvisorySentAt: new Date("2026-12-01T00:00:00Z") });
    expect(sent.items.find((i) => i.key === "mailboxScope")).toMatchObject({
      state: "done",
      detail: expect.stringContaining("2026-12-01"),
    });
    const more = await readConnectionChecklist(await deploymentGraph(), {
      ...input,
      requiredPermissions: [...DEPLOYMENT_APP_PERMISSIONS, "Mail.Send"],
    });
    expect(more.items.find((i) => i.key === "consent")).toMatchObject({
      state: "missing",
      detail: expect.stringContaining("Consent lacks Mail.Send"),
    });
  });

  it("an own app registration with Mail.Send and every role is done; one without the principal's read cannot tell its roles", async () => {
    const contoso = createTenantGraph({
      tenantId: CONTOSO.tenantId,
      clientId: CONTOSO.clientId,
      clientSecret: CONTOSO.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
    });
    const own = await readConnectionChecklist(contoso, {
      appClientId: CONTOSO.clientId,
      requiredPermissions: null,
      serviceMailbox: `security@${CONTOSO.primaryDomain}`,
      lastAdvisorySentAt: null,
    });
    expect(states(own.items)).toEqual({
      consent: "done",
      userAdministrator: "done",
      privilegedAuthentication: "done",
      messageTrace: "done",
      mailboxScope: "done",
    });
    await control(sim, "POST", `/tenants/${FABRIKAM.tenantId}/settings`, { permissions: ["User.Read.All"] });
    const fabrikam = createTenantGraph({
      tenantId: FABRIKAM.tenantId,
      clientId: FABRIKAM.clientId,
      clientSecret: FABRIKAM.clientSecret,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
    });
    const blind = await readConnectionChecklist(fabrikam, {
      appClientId: FABRIKAM.clientId,
      requiredPermissions: null,
      serviceMailbox: null,
      lastAdvisorySentAt: null,
    });
    expect(states(blind.items)).toMatchObject({ userAdministrator: "unknown", messageTrace: "unknown", mailboxScope: "missing" });
    expect(blind.items.find((i) => i.key === "userAdministrator")!.detail).toMatch(/^Cannot tell: Microsoft Graph refused/);
  });
});
