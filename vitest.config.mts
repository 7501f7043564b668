import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

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
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "simulator/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
