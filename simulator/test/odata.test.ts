import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { matches, parseFilterText } from "../filter";
import { GraphHttpError } from "../http";
import { call, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// $filter: parsed by a tokenizer (quoted strings may hold " and ", parentheses, commas), and
// limited per resource to the operators Graph documents; anything else is Graph's 400.

const MEGAN = "megan@contoso.example";

describe("$filter parser", () => {
  it("keeps quoted text whole and honours precedence, parentheses, not and any()", () => {
    const item = { displayName: "Research and Development", sequence: 2, enabled: true, tags: ["a", "b"], rows: [{ id: "x" }] };
    expect(parseFilterText("displayName eq 'Research and Development'")).toMatchObject({
      kind: "cmp",
      path: "displayName",
      op: "eq",
      value: "Research and Development",
    });
    expect(matches(parseFilterText("displayName eq 'Research and Development' and sequence ge 2"), item)).toBe(true);
    expect(matches(parseFilterText("startswith(displayName,'Research (and') or sequence eq 2"), item)).toBe(true);
    expect(matches(parseFilterText("sequence eq 1 or sequence eq 3 and enabled eq true"), item)).toBe(false);
    expect(matches(parseFilterText("(sequence eq 1 or sequence eq 2) and not (enabled eq false)"), item)).toBe(true);
    expect(matches(parseFilterText("tags/any(t: t eq 'b') and rows/any(r: r/id eq 'x')"), item)).toBe(true);
    expect(matches(parseFilterText("displayName eq 'O''Brien'"), { displayName: "O'Brien" })).toBe(true);
    expect(matches(parseFilterText("createdDateTime ge 2026-01-01T00:00:00Z"), { createdDateTime: "2026-02-01T00:00:00Z" })).toBe(true);
  });

  it("answers malformed filters with a 400", () => {
    for (const bad of [
      "displayName eq 'open",
      "displayName eq",
      "(sequence eq 1",
      "sequence eq 1 and",
      "displayName like 'x'",
      "tags/all(t: t eq 'a')",
      "startswith(displayName, 3)",
      "sequence eq 1)",
    ]) {
      expect(() => parseFilterText(bad), bad).toThrow(GraphHttpError);
    }
  });
});

describe("$filter over the protocol, per resource", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  let meganId: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(async () => {
    sim.reset();
    meganId = (await call(sim, token, "GET", `/v1.0/users/${MEGAN}`)).body!.id;
  });
  afterEach(() => expectConformingResponses(sim));
  const get = (path: string, filter: string) => call(sim, token, "GET", `/v1.0${path}?$filter=${encodeURIComponent(filter)}`);

  it("finds a value that holds ' and ' inside its quotes", async () => {
    const lee = [...sim.runtime.world.tenants.values()][0]!.users.find((u) => u.userPrincipalName === "lee@contoso.example")!;
    lee.displayName = "Research and Development";
    const found = (await get("/users", "displayName eq 'Research and Development'")).body!.value;
    expect(found.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual(["lee@contoso.example"]);
  });

  it("accepts what each resource documents", async () => {
    const ok: [string, string, (v: Record<string, unknown>[]) => void][] = [
      [
        "/auditLogs/signIns",
        `userId eq '${meganId}' and location/countryOrRegion eq 'NG' and startswith(appDisplayName,'Exchange')`,
        (v) => expect(v).toHaveLength(1),
      ],
      ["/auditLogs/signIns", `userPrincipalName eq '${MEGAN}' and status/errorCode eq 50126`, (v) => expect(v).toHaveLength(1)],
      [
        "/auditLogs/directoryAudits",
        `targetResources/any(t: t/displayName eq 'Megan Bowen') and startswith(activityDisplayName,'Consent')`,
        (v) => expect(v).toHaveLength(1),
      ],
      [
        "/reports/authenticationMethods/userRegistrationDetails",
        "methodsRegistered/any(m: m eq 'mobilePhone') and isAdmin eq false",
        (v) => expect(v.map((r) => r.userPrincipalName)).toContain(MEGAN),
      ],
      [
        "/security/alerts_v2",
        "severity eq 'high' and status eq 'new'",
        (v) => expect(v.map((a) => a.title)).toEqual(["User restricted from sending email"]),
      ],
      ["/oauth2PermissionGrants", `principalId eq '${meganId}' and consentType eq 'Principal'`, (v) => expect(v).toHaveLength(1)],
    ];
    for (const [path, filter, check] of ok) {
      const res = await get(path, filter);
      expect(res.status, `${path} ${filter}`).toBe(200);
      check(res.body!.value);
    }
  });

  it("refuses operators and properties a resource does not support, with Graph's 400", async () => {
    const refused: [string, string, string][] = [
      ["/auditLogs/signIns", `endswith(userPrincipalName,'contoso.example')`, "BadRequest"],
      ["/auditLogs/signIns", `riskLevelDuringSignIn ne 'high'`, "BadRequest"],
      ["/auditLogs/signIns", `createdDateTime gt 2026-01-01T00:00:00Z`, "BadRequest"],
      ["/auditLogs/directoryAudits", `result ne 'success'`, "BadRequest"],
      ["/auditLogs/directoryAudits", `contains(activityDisplayName,'Consent')`, "BadRequest"],
      ["/reports/authenticationMethods/userRegistrationDetails", "isAdmin ne true", "BadRequest"],
      ["/reports/authenticationMethods/userRegistrationDetails", "methodsRegistered eq 'mobilePhone'", "BadRequest"],
      ["/security/alerts_v2", "title eq 'User restricted from sending email'", "BadRequest"],
      ["/oauth2PermissionGrants", "scope eq 'Mail.Read'", "Request_UnsupportedQuery"],
      ["/oauth2PermissionGrants", `startswith(principalId,'${meganId.slice(0, 4)}')`, "Request_UnsupportedQuery"],
      ["/users", "displayName eq 'unterminated", "BadRequest"],
    ];
    for (const [path, filter, code] of refused) {
      const res = await get(path, filter);
      expect(res.status, `${path} ${filter}`).toBe(400);
      expect(res.body!.error.code, `${path} ${filter}`).toBe(code);
    }
  });
});
