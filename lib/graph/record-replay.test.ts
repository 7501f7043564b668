import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTOSO } from "@/simulator/demo-tenants";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { loadRecording, startReplay } from "@/tests/support/graph-replay";
import { applyAccountChanges } from "./account-changes";
import { listAuthMethods } from "./auth-methods";
import { createTenantGraph, type TenantGraph } from "./client";
import { listSignIns } from "./logs";
import { listInboxRules } from "./mailbox";
import { listMessageTraces } from "./message-trace";
import { RecordExchanges, Recording } from "./recording";
import { getUser } from "./users";

// Record and replay: a tenant's Graph exchanges written to a folder (redacted), then served back
// to the real client — here recorded from the simulator, as a first run against a real tenant
// would be, and replayed without it.

const MEGAN = "megan@contoso.example";
const PASSWORD = "Str0ng-Recorded-Passw0rd!";
const DAY = 86_400_000;

/** What the client makes of the account: the same whether Graph or a recording answered. */
async function readAccount(g: TenantGraph, upn: string, window: { since: Date; until: Date }) {
  const user = (await getUser(g, upn))!;
  const [signIns, rules, methods, trace] = [
    await listSignIns(g, user.id, window.since),
    await listInboxRules(g, upn),
    await listAuthMethods(g, upn),
    await listMessageTraces(g, { senderAddress: user.mail!, startDate: new Date(window.until.getTime() - 2 * DAY), endDate: window.until }),
  ];
  const changes = await applyAccountChanges(g, upn, [
    { kind: "resetPassword", password: PASSWORD },
    { kind: "blockSignIn" },
    { kind: "revokeSessions" },
  ]);
  return {
    id: user.id,
    signIns: signIns.signIns.map((s) => [s.country, s.clientApp, s.errorCode]),
    rules: rules.rules.map((r) => [r.readOnly, r.moveToFolderName ?? null, Boolean(r.actions.delete)]),
    methods: methods.methods.map((m) => [m.kind, m.createdAt?.toISOString() ?? null]),
    trace: trace.traces.map((t) => t.status).sort(),
    changes: [...changes.entries()].map(([kind, c]) => [kind, c.status]),
  };
}

describe("record and replay of a tenant's Graph exchanges", () => {
  const sim = setUpTestSimulator();
  let dir: string;
  let recorded: Awaited<ReturnType<typeof readAccount>>;
  const window = { since: new Date(Date.now() - 30 * DAY), until: new Date() };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-recording-"));
    const g = createTenantGraph({ ...CONTOSO, simulatorUrl: sim.url }, { beforeSend: [new RecordExchanges(new Recording(dir))] });
    recorded = await readAccount(g, MEGAN, window);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes one redacted file per exchange: no token, secret, password or personal data", () => {
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThanOrEqual(7);
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n") + files.join("\n");
    for (const secret of [
      PASSWORD,
      CONTOSO.clientSecret,
      "Bearer",
      "eyJ",
      "megan",
      "Megan Bowen",
      "contoso.example",
      "102.89.34.17",
      "+234 803 555 0147",
      "Lagos",
    ]) {
      expect(all, secret).not.toContain(secret);
    }
    const [first] = loadRecording(dir);
    expect(first).toMatchObject({
      method: "GET",
      url: expect.stringMatching(/^\/v1\.0\/users\/user\d+@domain\d+\.example\?\$select=/),
      status: 200,
      headers: { "request-id": expect.any(String) },
    });
    // The batch keeps its shape (ids, statuses), its request body without the password.
    const batch = loadRecording(dir).find((e) => e.url === "/v1.0/$batch")!;
    expect(JSON.stringify(batch.requestBody)).toContain("[redacted]");
  });

  it("replays the folder to the real client, which makes the same of it", async () => {
    const replay = await startReplay(dir);
    try {
      const upn = decodeURIComponent(loadRecording(dir)[0]!.url.split("?")[0]!.split("/").at(-1)!);
      const replayed = await readAccount(replay.graph(), upn, window).catch((e: unknown) => {
        throw new Error(`${String(e)}; not recorded: ${replay.unmatched.join(" | ")}`);
      });
      expect(replay.unmatched).toEqual([]);
      expect(replayed).toEqual(recorded);
      expect(replayed.trace.length).toBeGreaterThan(400);
    } finally {
      await replay.stop();
    }
  });

  it("fails where the client asks what the recording does not hold", async () => {
    const replay = await startReplay(dir);
    try {
      await expect(getUser(replay.graph(), "someone-else@domain1.example")).rejects.toMatchObject({ code: "UPSTREAM_ERROR" });
      expect(replay.unmatched).toEqual([expect.stringContaining("someone-else@domain1.example")]);
    } finally {
      await replay.stop();
    }
  });
});
