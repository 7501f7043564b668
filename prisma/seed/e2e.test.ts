import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { isSeedAllowed } from "./e2e";

// The end-to-end tests' seeding route must not exist in production: refused outside demo mode,
// without the token, and to a caller without it.
const TOKEN = "t".repeat(40);

describe("the end-to-end seeding route's guard", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is refused at start-up outside demo mode", () => {
    expect(() => parseEnv({ E2E_SEED_TOKEN: TOKEN })).toThrow(/E2E_SEED_TOKEN: is for the end-to-end tests in demo mode only/);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", E2E_SEED_TOKEN: "short" })).toThrow(/E2E_SEED_TOKEN: must be at least 32 characters/);
    expect(parseEnv({ BREACHDESK_DEMO: "1", E2E_SEED_TOKEN: TOKEN }).E2E_SEED_TOKEN).toBe(TOKEN);
  });

  it("allows only demo mode with the token set, to a caller holding it", () => {
    expect(isSeedAllowed({ BREACHDESK_DEMO: true, E2E_SEED_TOKEN: TOKEN }, `Bearer ${TOKEN}`)).toBe(true);
    expect(isSeedAllowed({ BREACHDESK_DEMO: true }, `Bearer ${TOKEN}`)).toBe(false);
    expect(isSeedAllowed({ BREACHDESK_DEMO: false, E2E_SEED_TOKEN: TOKEN }, `Bearer ${TOKEN}`)).toBe(false);
    expect(isSeedAllowed({ BREACHDESK_DEMO: true, E2E_SEED_TOKEN: TOKEN }, `Bearer ${TOKEN}x`)).toBe(false);
    expect(isSeedAllowed({ BREACHDESK_DEMO: true, E2E_SEED_TOKEN: TOKEN }, TOKEN)).toBe(false);
    expect(isSeedAllowed({ BREACHDESK_DEMO: true, E2E_SEED_TOKEN: TOKEN }, null)).toBe(false);
  });

  it("answers 404 from the route when the flag is off, before reading the request or the database", async () => {
    vi.stubEnv("BREACHDESK_DEMO", "1");
    vi.stubEnv("E2E_SEED_TOKEN", "");
    const { POST } = await import("@/app/api/test-seed/route");
    const res = await POST(
      new Request("http://localhost/api/test-seed", { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, body: "{}" }),
    );
    expect(res.status).toBe(404);
  });
});
