import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import { call, control, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// GET /identityProtection/riskDetections as learn.microsoft.com/graph/api/riskdetection-list
// documents it (simulator/routes/risk-detections.ts): pages of 20 by default and at most 500,
// absolute @odata.nextLink, $filter on detectedDateTime, the P1/P2 licence, and the stricter
// reading where the page is silent. Raised by the control endpoint and by a password spray.

const LIST = "/v1.0/identityProtection/riskDetections";
type Detection = { id: string; userPrincipalName: string; riskEventType: string; riskLevel: string; detectedDateTime: string };

describe("simulator: Identity Protection risk detections", () => {
  const sim = setUpCheckedSimulator({ rules: "fast" });
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  const get = (url: string, t = token) => call(sim, t, "GET", url);

  it("raises a detection that puts its user at risk, and lists it with $filter and $select", async () => {
    const before = new Date().toISOString();
    const raised = await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/risk-detections`, {
      upn: `adele@${CONTOSO.primaryDomain}`,
      riskLevel: "medium",
      riskEventType: "anonymizedIPAddress",
    });
    expect(raised.status).toBe(201);
    const filter = encodeURIComponent(`detectedDateTime ge ${before}`);
    const page = await get(`${LIST}?$filter=${filter}&$select=id,userPrincipalName,riskEventType,riskLevel`);
    expect(page.status).toBe(200);
    expect(page.body!.value).toEqual([
      {
        id: raised.body!.id,
        userPrincipalName: `adele@${CONTOSO.primaryDomain}`,
        riskEventType: "anonymizedIPAddress",
        riskLevel: "medium",
      },
    ]);
    const user = (await get(`/v1.0/users/adele@${CONTOSO.primaryDomain}?$select=id`)).body!;
    expect((await get(`/v1.0/identityProtection/riskyUsers/${user.id}`)).body).toMatchObject({ riskState: "atRisk", riskLevel: "medium" });
    expect(
      (
        await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/risk-detections`, {
          upn: `adele@${CONTOSO.primaryDomain}`,
          riskLevel: "x",
        })
      ).status,
    ).toBe(400);
  });

  it("pages a spray's detections 20 at a time by default and 500 at most, through absolute nextLinks", async () => {
    const spray = await control(sim, "POST", `/tenants/${CONTOSO.tenantId}/spray`, { count: 45 });
    const first = await get(LIST);
    expect(first.body!.value).toHaveLength(20);
    expect(first.body!["@odata.nextLink"]).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/identityProtection\/riskDetections\?/);
    const seen: Detection[] = [...first.body!.value];
    let next: string | undefined = first.body!["@odata.nextLink"];
    while (next) {
      const page = await get(next);
      seen.push(...page.body!.value);
      next = page.body!["@odata.nextLink"];
    }
    expect(new Set(seen.map((d) => d.id)).size).toBe(45);
    expect(seen.every((d) => d.riskEventType === "passwordSpray" && d.riskLevel === "high")).toBe(true);
    expect(seen.map((d) => d.userPrincipalName).sort()).toEqual([...(spray.body!.users as string[])].sort());
    expect((await get(`${LIST}?$top=500`)).body!.value).toHaveLength(45);
  });

  it("refuses what the page does not document, a tenant without the licence and a token without the permission", async () => {
    expect((await get(`${LIST}?$top=501`)).status).toBe(400);
    expect((await get(`${LIST}?$orderby=detectedDateTime desc`)).status).toBe(400);
    expect((await get(`${LIST}?$filter=${encodeURIComponent("ipAddress eq '1.2.3.4'")}`)).body!.error.code).toBe("BadRequest");
    const unlicensed = await get(LIST, await tokenFor(sim, FABRIKAM));
    expect(unlicensed.status).toBe(403);
    expect(unlicensed.body!.error.code).toBe("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
    sim.runtime.world.tenants.get(CONTOSO.tenantId)!.app.permissions = ["User.Read.All"];
    const denied = await get(LIST, await tokenFor(sim));
    expect(denied.status).toBe(403);
    expect(denied.body!.error.code).not.toBe("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
  });
});
