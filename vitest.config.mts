import path from "node:path";
import { defineConfig } from "vitest/config";
import { ensureCertificate } from "./simulator/certificate";

const root = import.meta.dirname;

// Graph tests talk HTTPS to the tenant simulator (the Graph SDK sends its token only over
// https). Node reads NODE_EXTRA_CA_CERTS only at process start, so the certificate is made here,
// before the test workers are forked; they inherit the variable.
const cert = await ensureCertificate(path.join(root, "data", "test", "simulator"));
process.env.NODE_EXTRA_CA_CERTS = cert.certPath;
process.env.SIMULATOR_TEST_CERT_DIR = path.dirname(cert.certPath);

// One runner for every non-browser test: pure rules (lib/**), services against a real database
// (*.db.test.ts: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set) and the tenant
// simulator over its real HTTPS protocol (simulator/**).
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": `${root}/tests/support/empty-module.ts`,
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "simulator/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "jobs/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Audit events are chained with an HMAC key (lib/audit/chain.ts); tests use this fixed one.
    // Secrets at rest (temporary passwords, tenant secrets) are sealed with this fixed test key.
    env: { AUDIT_CHAIN_KEY: Buffer.alloc(32, "breachdesk-test-audit-chain-key").toString("base64"), BREACHDESK_ENCRYPTION_KEY: Buffer.alloc(32, "breachdesk-test-encryption-key").toString("base64") },
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
