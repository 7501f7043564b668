// `npm run simulator`: the tenant simulator on https://localhost:3001 (see simulator/README.md).
//   SIMULATOR_PORT, SIMULATOR_HOST (127.0.0.1), SIMULATOR_CERT_DIR (./data/simulator),
//   SIMULATOR_LATENCY_MS (0), SIMULATOR_QUOTAS=1 (Graph's quotas), SIMULATOR_CONTROL=1 (/_control),
//   SIMULATOR_VALIDATE=1 (strict contract mode), SIMULATOR_COMPROMISED_USERS=<n> (extra compromised users in Contoso),
//   SIMULATOR_APPS_FILE=<json> (multi-tenant apps to register, e.g. Breachdesk's; `npm run demo` writes one)
//   SIMULATOR_RULES=realistic|fast (Graph's timing rules: read-after-write lag, audit latency, …; realistic by default)
import { readApplicationsFile } from "./applications";
import { startSimulator } from "./server";

const env = process.env;
startSimulator({
  port: Number(env.SIMULATOR_PORT ?? 3001),
  host: env.SIMULATOR_HOST ?? "127.0.0.1",
  certDir: env.SIMULATOR_CERT_DIR ?? "./data/simulator",
  latencyMs: Number(env.SIMULATOR_LATENCY_MS ?? 0),
  quotas: env.SIMULATOR_QUOTAS === "1",
  control: env.SIMULATOR_CONTROL === "1",
  // Strict mode: refuse request bodies and answer 500 for responses that break Graph's schema.
  validateRequests: env.SIMULATOR_VALIDATE === "1",
  validateResponses: env.SIMULATOR_VALIDATE === "1" ? "fail" : false,
  compromisedUsers: Number(env.SIMULATOR_COMPROMISED_USERS ?? 0) > 0 ? { count: Number(env.SIMULATOR_COMPROMISED_USERS) } : undefined,
  applications: env.SIMULATOR_APPS_FILE ? readApplicationsFile(env.SIMULATOR_APPS_FILE) : [],
  rules: env.SIMULATOR_RULES === "fast" ? "fast" : "realistic",
})
  .then((sim) => {
    console.log(
      `Tenant simulator: ${sim.url} (Contoso, Fabrikam and Northwind demo tenants${env.SIMULATOR_CONTROL === "1" ? ", control endpoints on" : ""})`,
    );
    const stop = () => sim.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
