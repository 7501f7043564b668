// `npm run demo`: the embedded default, end to end. Creates local secrets, the simulator's
// certificate and Breachdesk's own demo app (scripts/demo-app.ts) on first run, migrates and seeds
// the embedded database, builds the app, then runs the tenant simulator and the production server
// (scripts/server.mjs) side by side until Ctrl-C.
//   PORT (3000), SIMULATOR_PORT (3001), PGLITE_DIR (./data/pglite), DEMO_SKIP_BUILD=1 to reuse .next,
//   DEMO_RESET=1 to start the embedded database afresh (the end-to-end tests do)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations";
import { openDatabase, resolveDatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadDotEnv, parseDatabaseEnv } from "@/lib/env";
import { seedDemoIfAllowed } from "@/prisma/seed/demo";
import { ensureCertificate } from "@/simulator/certificate";
import { ensureDemoApp } from "./demo-app";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function loadDemoSecrets(file: string) {
  const made = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    BREACHDESK_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    AUDIT_CHAIN_KEY: randomBytes(32).toString("base64"),
  };
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>) : {};
  const secrets = { ...made, ...kept }; // a secret added later is made once, the others are kept
  if (Object.keys(secrets).length !== Object.keys(kept).length) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function main() {
  loadDotEnv(); // the app reads .env too: migrate and seed the database it will use
  const port = process.env.PORT ?? "3000";
  const simulatorPort = process.env.SIMULATOR_PORT ?? "3001";
  const dataDir = path.join(root, "data");
  const secrets = loadDemoSecrets(path.join(dataDir, "demo-secrets.json"));
  const cert = await ensureCertificate(path.join(dataDir, "simulator"));
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const simulatorUrl = `https://localhost:${simulatorPort}`;
  const demoApp = await ensureDemoApp(path.join(dataDir, "breachdesk-app"), { appUrl, simulatorUrl, env: process.env });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
    ...demoApp.env,
    BREACHDESK_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1", // no calls home: this must run offline
    PORT: port,
    NEXTAUTH_URL: appUrl,
    GRAPH_SIMULATOR_URL: simulatorUrl,
    SIMULATOR_PORT: simulatorPort,
    SIMULATOR_CERT_DIR: path.dirname(cert.certPath),
    NODE_EXTRA_CA_CERTS: cert.certPath,
  };
  process.env.AUDIT_CHAIN_KEY = env.AUDIT_CHAIN_KEY; // the seed below chains its audit events with the server's key
  const target = resolveDatabaseTarget(parseDatabaseEnv(env));

  if (process.env.DEMO_RESET === "1" && target.kind === "pglite") {
    fs.rmSync(target.dataDir, { recursive: true, force: true }); // tests start from the seed
  }
  console.log(`› Migrating ${target.kind === "pglite" ? `embedded database ${target.dataDir}` : "PostgreSQL"}…`);
  const opened = await openDatabase(target);
  await applyMigrations(opened.factory).finally(() => opened.close());

  const { db, close } = await createPrismaClient(target);
  try {
    const outcome = await seedDemoIfAllowed(db, { isDemoMode: true, encryptionKey: env.BREACHDESK_ENCRYPTION_KEY! });
    if (outcome === "seeded") console.log("› Seeded demo tenants, sign-ins and tickets.");
    if (outcome === "refused-real-tenants") console.log("› This database holds real tenants: demo data is not added.");
    if (outcome === "refused-real-users") console.log("› This database holds users who are not demo sign-ins: demo data is not added.");
  } finally {
    await close();
  }

  if (process.env.DEMO_SKIP_BUILD !== "1") {
    console.log("› Building the app (next build)…");
    await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
  }

  const children: ChildProcess[] = [];
  const stopAll = (code: number) => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exit(code);
  };
  const start = (command: string, args: string[]) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => stopAll(code ?? 1));
    children.push(child);
  };
  start(bin("tsx"), [path.join(root, "simulator", "main.ts")]);
  start(process.execPath, [path.join(root, "scripts", "server.mjs")]);
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  console.log(`\n› Breachdesk: http://localhost:${port}  (tenant simulator: https://localhost:${simulatorPort})\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
