// `npm run bench`: every benchmark, one after another, printing figures (never asserting).
// The Graph benchmark talks HTTPS to the simulator, so it runs in a child process that trusts the
// simulator's certificate from the start (NODE_EXTRA_CA_CERTS is read only at startup).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureCertificate } from "@/simulator/certificate";

async function main() {
  const cert = await ensureCertificate(path.join("data", "simulator"));
  const tsx = path.join("node_modules", ".bin", "tsx");
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: cert.certPath, NEXT_TELEMETRY_DISABLED: "1" };
  const runs: [string, string[]][] = [
    ["Graph remediation (P8, snapshot)", ["--conditions=react-server", "bench/remediation.ts"]],
    ["Queue page and search (P1, P2, P7)", ["bench/queue-page.ts"]],
    ["Pages against a bare Next.js page: ratio, queries, bytes (P11–P13, P3″)", ["bench/floor-page.ts"]],
    ["Campaign containment on the queue (P9)", ["--conditions=react-server", "bench/p9-campaign.ts"]],
    ["Alert to ticket (P10)", ["--conditions=react-server", "bench/p10-alerts.ts"]],
  ];
  let failed = false;
  for (const [name, args] of runs) {
    console.log(`\n=== ${name}`);
    failed = spawnSync(tsx, args, { stdio: "inherit", env }).status !== 0 || failed;
  }
  process.exit(failed ? 1 : 0);
}

void main();
