import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the production
// build, started by the same script as the demo, on its own ports and a fresh embedded database.
// E2E_PORT moves the app (and the simulator, one port up) so several runs can share a machine.
const PORT = Number(process.env.E2E_PORT ?? 3200);

// The token of the app's test-only seeding route (prisma/seed/e2e.ts), made once per run: set
// here in the runner's environment, which the workers inherit (they read this file again).
process.env.E2E_SEED_TOKEN ??= randomBytes(24).toString("hex");

// Every spec creates its own data — sign-ins, tickets, tenants, and simulator tenants with
// their own faults and clock — so all of them run in parallel (E2E_WORKERS, 2 by default: the app
// server, the simulator and the browsers share the machine's CPUs; see e2e/README.md for the
// timings). A spec never resets the simulator or changes it as a whole.

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "standalone" }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/demo.ts",
    url: `http://localhost:${PORT}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      SIMULATOR_PORT: String(PORT + 1),
      PGLITE_DIR: `./data/e2e-${PORT}/pglite`,
      DEMO_RESET: "1",
      DEMO_SKIP_BUILD: "1",
      SIMULATOR_CONTROL: "1", // tests play the attacker through the simulator's control endpoints
      E2E_SEED_TOKEN: process.env.E2E_SEED_TOKEN,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
    },
  },
});
