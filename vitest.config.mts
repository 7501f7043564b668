import fs from "node:fs";
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

const TEST_DIRS = ["lib", "components", "prisma", "simulator", "tests", "scripts", "jobs"];
const ALL = TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`);
const DB = "**/*.db.test.ts";

// A test without a database is an integration test when it talks to a server over loopback: the
// tenant simulator (its own tests, or anything using tests/support/simulator.ts), the Graph replay
// server, or other processes (*.process.test.ts). Read from the files, so a new test is placed by
// what it does, not by a list someone must remember to update.
const SERVERS = /tests\/support\/(simulator|graph-replay)"|from "\.\/support"/;
function integrationFiles(): string[] {
  return TEST_DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
      .filter((file) => file.endsWith(".test.ts") && !file.endsWith(".db.test.ts") && !file.includes("node_modules"))
      .filter(
        (file) =>
          file.startsWith("simulator/") ||
          file.endsWith(".process.test.ts") ||
          SERVERS.test(fs.readFileSync(path.join(root, file), "utf8")),
      ),
  );
}
const INTEGRATION = integrationFiles();

// Three projects, one runner (`npm run test:unit|test:db|test:integration`, all by `vitest run`):
// unit — pure rules, no database, no server; db — services against a real database (*.db.test.ts:
// PGlite always, PostgreSQL too when TEST_DATABASE_URL is set), some also against the simulator;
// integration — the tenant simulator over its real HTTPS protocol and other loopback servers.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": `${root}/tests/support/empty-module.ts`,
    },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Audit events are chained with an HMAC key (lib/audit/chain.ts); tests use this fixed one.
    // Secrets at rest (temporary passwords, tenant secrets) are sealed with this fixed test key.
    env: {
      AUDIT_CHAIN_KEY: Buffer.alloc(32, "breachdesk-test-audit-chain-key").toString("base64"),
      BREACHDESK_ENCRYPTION_KEY: Buffer.alloc(32, "breachdesk-test-encryption-key").toString("base64"),
    },
    projects: [
      { extends: true, test: { name: "unit", include: ALL, exclude: [DB, ...INTEGRATION] } },
      { extends: true, test: { name: "db", include: [DB], globalSetup: ["tests/support/global-setup.ts"] } },
      { extends: true, test: { name: "integration", include: INTEGRATION } },
    ],
  },
});
