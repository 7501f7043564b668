import { afterAll, beforeAll } from "vitest";

import { createTenantGraph, type TenantGraph } from "@/lib/graph/client";
import type { DemoTenant } from "@/simulator/demo-tenants";
import type { RunningSimulator, SimulatorOptions } from "@/simulator/server";
import { startCheckedSimulator, startTestSimulator } from "@/simulator/test/support";

// One tenant simulator per test file (or describe block): started before its tests on a free
// port with the control endpoints on, stopped after them. What it returns stands for the running
// simulator, so tests read `sim.url`, call `sim.reset()` or `control(sim, …)` as before.

type Options = SimulatorOptions | (() => SimulatorOptions);

function setUpSimulator(start: (options: SimulatorOptions) => Promise<RunningSimulator>, options: Options): RunningSimulator {
  let running: RunningSimulator | null = null;
  const current = () => {
    if (!running) throw new Error("The test simulator runs only inside its tests (beforeAll … afterAll).");
    return running;
  };
  beforeAll(async () => {
    running = await start(typeof options === "function" ? options() : options);
  });
  afterAll(async () => {
    await running?.stop();
    running = null;
  });
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get runtime() {
      return current().runtime;
    },
    get contractViolations() {
      return current().contractViolations;
    },
    get responseViolations() {
      return current().responseViolations;
    },
    stop: () => current().stop(),
    reset: (seed) => current().reset(seed),
    configure: (config) => current().configure(config),
  };
}

/** The simulator for the current file or describe block; options may be a function, read at start. */
export function setUpTestSimulator(options: Options = {}): RunningSimulator {
  return setUpSimulator(startTestSimulator, options);
}

/** The same, checking every response against Graph's published schema (the simulator's own tests). */
export function setUpCheckedSimulator(options: Options = {}): RunningSimulator {
  return setUpSimulator(startCheckedSimulator, options);
}

/** A demo tenant's Graph client against the simulator, with the short retries and timeout tests use. */
export function simulatorGraph(sim: RunningSimulator, demo: DemoTenant, timeoutMs = 10_000): TenantGraph {
  const { tenantId, clientId, clientSecret } = demo;
  return createTenantGraph({
    tenantId,
    clientId,
    clientSecret,
    simulatorUrl: sim.url,
    retry: { maxRetries: 2, delaySeconds: 1 },
    timeoutMs,
  });
}
