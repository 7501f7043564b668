import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadDotEnv, parseDatabaseEnv, parseEnv } from "./env";

const KEY = Buffer.alloc(32, 7).toString("base64");

describe("env", () => {
  it("refuses to start outside demo mode without secrets, naming each", () => {
    expect(() => parseEnv({})).toThrow(
      /NEXTAUTH_SECRET: is required outside demo mode[\s\S]*BREACHDESK_ENCRYPTION_KEY[\s\S]*AUDIT_CHAIN_KEY: is required outside demo mode/,
    );
  });
  it("runs demo mode without secrets", () => {
    const env = parseEnv({ BREACHDESK_DEMO: "1" });
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(env.BREACHDESK_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(Buffer.from(env.AUDIT_CHAIN_KEY, "base64")).toHaveLength(32);
    expect(env.AUDIT_CHAIN_KEY).not.toBe(env.BREACHDESK_ENCRYPTION_KEY);
    expect(env.PGLITE_DIR).toBe("./data/pglite");
  });
  it("accepts a complete production configuration and caps the session at 12 hours", () => {
    const base = {
      NEXTAUTH_SECRET: "x".repeat(32),
      BREACHDESK_ENCRYPTION_KEY: KEY,
      AUDIT_CHAIN_KEY: KEY,
      NEXTAUTH_URL: "https://bd.example.com",
    };
    expect(parseEnv(base).isEntraSignInEnabled).toBe(false);
    expect(() => parseEnv({ ...base, SESSION_MAX_AGE_HOURS: "24" })).toThrow(/SESSION_MAX_AGE_HOURS/);
    expect(() => parseEnv({ ...base, BREACHDESK_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(() => parseEnv({ ...base, AUDIT_CHAIN_KEY: "c2hvcnQ=" })).toThrow(/AUDIT_CHAIN_KEY: must be 32 bytes/);
  });
  it("needs all three Entra ID variables together", () => {
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", AZURE_AD_CLIENT_ID: "abc" })).toThrow(
      /AZURE_AD_CLIENT_SECRET and AZURE_AD_TENANT_ID together/,
    );
    expect(
      parseEnv({ BREACHDESK_DEMO: "1", AZURE_AD_CLIENT_ID: "a", AZURE_AD_CLIENT_SECRET: "b", AZURE_AD_TENANT_ID: "c" })
        .isEntraSignInEnabled,
    ).toBe(true);
  });
  it("configures Breachdesk's app with its credentials in order of preference, and refuses half a configuration", () => {
    const id = "0f6d3b2a-1c4e-4f5a-9b8c-7d6e5f4a3b2c";
    expect(parseEnv({ BREACHDESK_DEMO: "1" }).deploymentApp).toBeNull();
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", BREACHDESK_APP_CLIENT_ID: id })).toThrow(
      /BREACHDESK_APP_CERTIFICATE: Breachdesk's app needs a certificate/,
    );
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", BREACHDESK_APP_CLIENT_SECRET: "s" })).toThrow(/BREACHDESK_APP_CLIENT_ID: is required/);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", BREACHDESK_APP_CLIENT_ID: "nope", BREACHDESK_APP_CLIENT_SECRET: "s" })).toThrow(
      /BREACHDESK_APP_CLIENT_ID: must be the app's application/,
    );
    expect(() =>
      parseEnv({
        BREACHDESK_DEMO: "1",
        BREACHDESK_APP_CLIENT_ID: id,
        BREACHDESK_APP_CLIENT_SECRET: "s",
        BREACHDESK_APP_CLIENT_SECRET_EXPIRES: "soon",
      }),
    ).toThrow(/YYYY-MM-DD/);
    const app = parseEnv({
      BREACHDESK_DEMO: "1",
      BREACHDESK_APP_CLIENT_ID: id.toUpperCase(),
      BREACHDESK_APP_CLIENT_SECRET: "s",
      BREACHDESK_APP_CLIENT_SECRET_EXPIRES: "2027-06-30",
      BREACHDESK_APP_CERTIFICATE_NEXT: "/path/next.pem",
      BREACHDESK_APP_CERTIFICATE: "/path/current.pfx",
      BREACHDESK_APP_CERTIFICATE_PASSWORD: "pw",
    }).deploymentApp;
    expect(app).toEqual({
      clientId: id,
      credentials: [
        { kind: "certificate", slot: "current", value: "/path/current.pfx", password: "pw" },
        { kind: "certificate", slot: "next", value: "/path/next.pem", password: undefined },
        { kind: "secret", slot: "current", value: "s", expiresAt: new Date("2027-06-30T00:00:00Z") },
      ],
    });
  });
  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
  });
  it("runs jobs in the server process unless told otherwise, and always with the embedded database", () => {
    expect(parseEnv({ BREACHDESK_DEMO: "1" })).toMatchObject({ JOBS_IN_PROCESS: true, JOBS_SHUTDOWN_SECONDS: 30 });
    const postgres = { BREACHDESK_DEMO: "1", DATABASE_URL: "postgresql://db/bd" };
    expect(parseEnv({ ...postgres, JOBS_IN_PROCESS: "0" }).JOBS_IN_PROCESS).toBe(false);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", JOBS_IN_PROCESS: "0" })).toThrow(
      /JOBS_IN_PROCESS: cannot be 0 with the embedded database/,
    );
  });
  it("takes the number of trusted proxy hops and refuses the old TRUST_PROXY flag", () => {
    expect(parseEnv({ BREACHDESK_DEMO: "1" }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ BREACHDESK_DEMO: "1", TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ BREACHDESK_DEMO: "1", TRUST_PROXY: "1" })).toThrow(/TRUST_PROXY: was replaced by TRUSTED_PROXY_HOPS/);
    expect(parseEnv({ BREACHDESK_DEMO: "1", TRUST_PROXY: "0" }).TRUSTED_PROXY_HOPS).toBe(0);
  });
});

describe("scripts' configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("loads .env when present, without overriding variables already set", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-env-"));
    const file = path.join(dir, ".env");
    fs.writeFileSync(file, "BD_TEST_FROM_FILE=file\nBD_TEST_ALREADY_SET=file\n");
    vi.stubEnv("BD_TEST_FROM_FILE", undefined);
    vi.stubEnv("BD_TEST_ALREADY_SET", "shell");
    expect(loadDotEnv(file)).toBe(true);
    expect(process.env.BD_TEST_FROM_FILE).toBe("file"); // eslint-disable-line no-restricted-properties
    expect(process.env.BD_TEST_ALREADY_SET).toBe("shell"); // eslint-disable-line no-restricted-properties
    expect(loadDotEnv(path.join(dir, "missing.env"))).toBe(false);
  });
  it("validates the database variables alone, as the app does", () => {
    expect(parseDatabaseEnv({ PGLITE_DIR: "" })).toEqual({
      DATABASE_URL: undefined,
      PGLITE_DIR: "./data/pglite",
      DATABASE_APP_ROLE: undefined,
    });
    expect(() => parseDatabaseEnv({ DATABASE_APP_ROLE: "app; DROP TABLE x" })).toThrow(/DATABASE_APP_ROLE/);
    expect(parseDatabaseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/bd" }).DATABASE_URL).toBe(
      "postgresql://postgres@127.0.0.1:5432/bd",
    );
    expect(() => parseDatabaseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
  });
});
