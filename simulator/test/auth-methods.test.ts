import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, control, expectConformingResponses, graphClient, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// Authentication methods by typed collection, including Windows Hello for Business and the
// Temporary Access Pass (docs/design-basis.md, Graph facts: authentication methods): list, get and delete, as Graph does.

const PRADEEP = "pradeep@contoso.example";
const NESTOR = "nestor@contoso.example";
const HELLO_ID = "b2a5d8e1-7c3f-4e9a-8b1d-2f6c0a9e4d71";
const TAP_ID = "6f1c3e2a-9d4b-4a8e-b7c5-1e0d2f3a4b5c";

describe("simulator authentication methods", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));
  const get = (url: string) => call(sim, token, "GET", url);

  it("lists and reads Windows Hello for Business and Temporary Access Pass methods", async () => {
    const hello = (await get(`/v1.0/users/${PRADEEP}/authentication/windowsHelloForBusinessMethods`)).body!.value;
    expect(hello).toEqual([
      expect.objectContaining({
        "@odata.type": "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
        id: HELLO_ID,
        displayName: "PRADEEP-LAPTOP",
        keyStrength: "normal",
      }),
    ]);
    const tap = (await get(`/v1.0/users/${NESTOR}/authentication/temporaryAccessPassMethods/${TAP_ID}`)).body!;
    expect(tap).toMatchObject({
      "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
      lifetimeInMinutes: 480,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
      temporaryAccessPass: null,
    });
    expect((await get(`/v1.0/users/${NESTOR}/authentication/methods/${TAP_ID}`)).body!.id).toBe(TAP_ID);
    const all = (await get(`/v1.0/users/${PRADEEP}/authentication/methods`)).body!.value.map(
      (m: { "@odata.type": string }) => m["@odata.type"],
    );
    expect(all).toContain("#microsoft.graph.windowsHelloForBusinessAuthenticationMethod");
    // Each typed collection holds only its kind; a pass expires with its lifetime.
    expect((await get(`/v1.0/users/${PRADEEP}/authentication/temporaryAccessPassMethods`)).body!.value).toEqual([]);
    await control(sim, "POST", "/advance-time", { ms: 9 * 3_600_000 });
    expect((await get(`/v1.0/users/${NESTOR}/authentication/temporaryAccessPassMethods`)).body!.value[0]).toMatchObject({
      isUsable: false,
      methodUsabilityReason: "Expired",
    });
    const registration = (
      await get(`/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=userPrincipalName eq '${PRADEEP}'`)
    ).body!.value[0];
    expect(registration.methodsRegistered).toContain("windowsHelloForBusiness");
  });

  it("deletes them through their typed collections (the path the app builds from the method's kind), and audits it", async () => {
    const sdk = graphClient(sim);
    await sdk.api(`/users/${PRADEEP}/authentication/windowsHelloForBusinessMethods/${HELLO_ID}`).delete();
    expect((await call(sim, token, "DELETE", `/v1.0/users/${NESTOR}/authentication/temporaryAccessPassMethods/${TAP_ID}`)).status).toBe(
      204,
    );
    const again = await call(sim, token, "DELETE", `/v1.0/users/${NESTOR}/authentication/temporaryAccessPassMethods/${TAP_ID}`);
    expect(again.status).toBe(404);
    // Reads catch up after the read-after-write lag; audits after the audit latency (rules.ts).
    await control(sim, "POST", "/advance-time", { ms: 10 * 60_000 });
    expect((await get(`/v1.0/users/${PRADEEP}/authentication/windowsHelloForBusinessMethods`)).body!.value).toEqual([]);
    expect((await get(`/v1.0/users/${NESTOR}/authentication/temporaryAccessPassMethods`)).body!.value).toEqual([]);
    // A method is deleted only through its own kind's collection.
    expect((await call(sim, token, "DELETE", `/v1.0/users/${PRADEEP}/authentication/fido2Methods/${HELLO_ID}`)).status).toBe(404);
    const audits = (await get("/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Admin deleted security info'")).body!.value;
    expect(audits.map((a: { targetResources: { userPrincipalName: string }[] }) => a.targetResources[0]!.userPrincipalName).sort()).toEqual(
      [NESTOR, PRADEEP],
    );
  });

  it("lists every typed collection, and refuses a collection Graph does not have", async () => {
    for (const kind of [
      "phone",
      "microsoftAuthenticator",
      "email",
      "softwareOath",
      "fido2",
      "windowsHelloForBusiness",
      "temporaryAccessPass",
    ]) {
      expect((await get(`/v1.0/users/${PRADEEP}/authentication/${kind}Methods`)).status, kind).toBe(200);
    }
    const unknown = await get(`/v1.0/users/${PRADEEP}/authentication/carrierPigeonMethods`);
    expect(unknown.status).toBe(400);
    expect(unknown.body!.error.code).toBe("BadRequest");
  });
});
