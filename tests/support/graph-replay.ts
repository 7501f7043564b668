import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createTenantGraph, type TenantGraph } from "@/lib/graph/client";
import type { RecordedExchange } from "@/lib/graph/recording";
import { ensureCertificate } from "@/simulator/certificate";

// Replays recorded Graph exchanges (lib/graph/recording.ts, GRAPH_RECORD_DIR) to the real Graph
// client, over HTTPS on loopback: each request is answered by the first unused exchange with the
// same method and URL, in recorded order. A request the recording does not hold answers 400 and
// is listed in `unmatched`, so a test fails where the client now asks something new. The same
// server serves hand-written exchanges — our fixtures of Microsoft's documented examples.

export type Replay = { url: string; unmatched: string[]; served: number; graph(): TenantGraph; stop(): Promise<void> };

export function loadRecording(dir: string): RecordedExchange[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as RecordedExchange);
}

const normalise = (url: string) => decodeURIComponent(url).replace(/\s+/g, " ");

export async function startReplay(source: string | RecordedExchange[]): Promise<Replay> {
  const exchanges = typeof source === "string" ? loadRecording(source) : source;
  const used = new Set<number>();
  const unmatched: string[] = [];
  let served = 0;
  let url = "";
  const cert = await ensureCertificate(process.env.SIMULATOR_TEST_CERT_DIR ?? "./data/test/simulator");
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    req.resume();
    req.on("end", () => {
      const wanted = normalise(req.url ?? "/");
      const at = exchanges.findIndex((e, i) => !used.has(i) && e.method === req.method && normalise(e.url) === wanted);
      if (at < 0) {
        unmatched.push(`${req.method} ${wanted}`);
        res.writeHead(400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { code: "NotRecorded", message: `No recorded exchange for ${req.method} ${wanted}` } }));
        return;
      }
      used.add(at);
      served += 1;
      const e = exchanges[at]!;
      res.writeHead(e.status, { ...e.headers, ...(e.body === undefined ? {} : { "Content-Type": "application/json" }) });
      // Absolute links (@odata.nextLink) point back here, as the SDK follows them as given.
      res.end(e.body === undefined ? undefined : JSON.stringify(e.body).replaceAll("https://graph.microsoft.com", url));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    unmatched,
    get served() {
      return served;
    },
    // No token endpoint in a recording: a fixed token, sent as the real client sends it.
    graph: () =>
      createTenantGraph(
        {
          tenantId: "00000000-0000-4000-8000-000000000001",
          clientId: "00000000-0000-4000-8000-000000000002",
          clientSecret: "unused",
          simulatorUrl: url,
          retry: { maxRetries: 0, delaySeconds: 0 },
        },
        { authProvider: { getAccessToken: async () => "replayed-token" } },
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
