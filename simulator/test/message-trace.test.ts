import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTenantGraph } from "@/lib/graph/client";
import { listMessageTraces } from "@/lib/graph/message-trace";
import { defaultTraceWindow, splitTraceWindow } from "@/lib/message-trace/window";
import { CONTOSO, FABRIKAM } from "../demo-tenants";
import { call, control, expectConformingResponses, tokenFor } from "./support";
import { setUpCheckedSimulator } from "@/tests/support/simulator";

// Message trace's time-window rules (docs/design-basis.md, Graph facts: message trace): the last 48 h by default; with a
// receivedDateTime filter both bounds, at most 10 days apart, at most 90 days back, not in the
// future, as YYYY-MM-DDThh:mm:ssZ; eq-only filters; 100 requests per 5 minutes per tenant.

// Exchange traces Megan's primary SMTP address, which is not her UPN (megan@contoso.example).
const MEGAN = "megan.bowen@contoso.example";
const DAY = 86_400_000;
const SEED_MESSAGES = 420 + 24 + 12 + 6 + 8;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const between = (start: number, end: number) => `receivedDateTime ge ${iso(start)} and receivedDateTime le ${iso(end)}`;

describe("simulator message trace rules", () => {
  const sim = setUpCheckedSimulator();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(sim);
  });
  beforeEach(() => sim.reset());
  afterEach(() => expectConformingResponses(sim));

  const traces = (filter?: string, t = token) =>
    call(
      sim,
      t,
      "GET",
      `/v1.0/admin/exchange/tracing/messageTraces?$top=5000${filter === undefined ? "" : `&$filter=${encodeURIComponent(filter)}`}`,
    );
  const simNow = async () => new Date((await control(sim, "POST", "/advance-time", { ms: 0 })).body!.now as string).getTime();

  it("answers the last 48 hours without a receivedDateTime filter, and an explicit window beyond that", async () => {
    expect((await traces(`senderAddress eq '${MEGAN}'`)).body!.value).toHaveLength(SEED_MESSAGES);
    // 45 hours on, the seed's mail (3.5–6.5 h old) has left the default window but not the store.
    await control(sim, "POST", "/advance-time", { ms: 45 * 3_600_000 });
    const now = await simNow();
    expect((await traces(`senderAddress eq '${MEGAN}'`)).body!.value).toEqual([]);
    const explicit = await traces(`senderAddress eq '${MEGAN}' and ${between(now - 3 * DAY, now)}`);
    expect(explicit.body!.value).toHaveLength(SEED_MESSAGES);
  });

  it("traces the sender's primary SMTP address: a trace by a UPN that differs finds nothing, without an error", async () => {
    const byUpn = await traces("senderAddress eq 'megan@contoso.example'");
    expect(byUpn).toMatchObject({ status: 200, body: { value: [] } });
    expect((await traces(`senderAddress eq '${MEGAN}'`)).body!.value).toHaveLength(SEED_MESSAGES);
  });

  it("refuses windows Graph refuses, with its 400 error envelope", async () => {
    const now = await simNow();
    const refused: [string, RegExp][] = [
      [`receivedDateTime ge ${iso(now - DAY)}`, /both bounds/],
      [`receivedDateTime le ${iso(now)}`, /both bounds/],
      [`${between(now - DAY, now)} and receivedDateTime ge ${iso(now - 2 * DAY)}`, /both bounds/],
      [between(now - 10 * DAY - 1000, now), /must not exceed 10 days/],
      [between(now - 91 * DAY, now - 85 * DAY), /not be more than 90 days before/],
      [between(now - DAY, now + 3_600_000), /not be later than the current date/],
      [between(now, now - DAY), /must not be later than the endDateTime/],
      [`receivedDateTime ge ${iso(now - DAY).slice(0, 10)} and receivedDateTime le ${iso(now)}`, /ISO 8601/],
      [`receivedDateTime ge ${iso(now - DAY).replace("Z", "+00:00")} and receivedDateTime le ${iso(now)}`, /ISO 8601/],
    ];
    for (const [filter, message] of refused) {
      const res = await traces(filter);
      expect(res.status, filter).toBe(400);
      expect(res.body!.error).toMatchObject({
        code: "BadRequest",
        message: expect.stringMatching(message),
        innerError: { "request-id": res.headers.get("request-id") },
      });
    }
    // Exactly 10 days, 90 days back at most, fractional seconds: all fine.
    expect((await traces(between(now - 10 * DAY, now))).status).toBe(200);
    expect((await traces(between(now - 90 * DAY + 60_000, now - 80 * DAY))).status).toBe(200);
    expect(
      (await traces(`receivedDateTime ge ${new Date(now - DAY).toISOString()} and receivedDateTime le ${new Date(now).toISOString()}`))
        .status,
    ).toBe(200);
  });

  it("allows only the documented operators: eq, receivedDateTime ge/le, subject contains/startswith/endswith, joined by and", async () => {
    const now = await simNow();
    const window = between(now - DAY, now);
    for (const filter of [
      `endswith(recipientAddress,'@gmail.com') and ${window}`,
      `senderAddress eq '${MEGAN}' or status eq 'failed'`,
      `not (status eq 'failed')`,
      `receivedDateTime gt ${iso(now - DAY)} and receivedDateTime le ${iso(now)}`,
      `status ne 'delivered'`,
      `size eq 1000`,
    ]) {
      const res = await traces(filter);
      expect(res.status, filter).toBe(400);
      expect(res.body!.error.code).toBe("BadRequest");
    }
    const invoices = (await traces(`contains(subject,'Invoice') and senderAddress eq '${MEGAN}' and ${window}`)).body!.value as {
      subject: string;
    }[];
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.every((r) => r.subject.includes("Invoice"))).toBe(true);
    const failed = (await traces(`status eq 'failed'`)).body!.value as { status: string }[];
    expect(failed.every((r) => r.status === "failed")).toBe(true);
  });

  it("answers the 101st request in 5 minutes with 429 and Retry-After, list and details alike, per tenant", async () => {
    sim.configure({ quotas: true });
    await control(sim, "POST", `/tenants/${FABRIKAM.tenantId}/settings`, { licences: { messageTraceServicePrincipal: true } });
    const first = (await traces()).body!.value[0] as { id: string; recipientAddress: string };
    const details = `/v1.0/admin/exchange/tracing/messageTraces/${first.id}/getDetailsByRecipient(recipientAddress='${first.recipientAddress}')`;
    const statuses: number[] = [];
    for (let i = 1; i < 100; i++)
      statuses.push((i % 2 ? await call(sim, token, "GET", details) : await traces("status eq 'failed'")).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await call(sim, token, "GET", details);
    expect(over.status).toBe(429);
    expect(over.body!.error.code).toBe("TooManyRequests");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(300);
    expect((await traces()).status).toBe(429);
    // Another tenant has its own 100.
    expect((await traces(undefined, await tokenFor(sim, FABRIKAM))).status).toBe(200);
    sim.configure({ quotas: false });
  });

  it("the app's own queries (lib/graph/message-trace.ts with lib/message-trace/window.ts and the snapshot's window) stay within the rules", async () => {
    const graph = createTenantGraph({ ...CONTOSO, simulatorUrl: sim.url, retry: { maxRetries: 0, delaySeconds: 1 } });
    const run = (start: Date, end: Date) => listMessageTraces(graph, { senderAddress: MEGAN, startDate: start, endDate: end });
    const now = new Date();
    // The trace stage: detected an hour ago (one query), and a month ago (split into 10-day parts).
    for (const detectedAt of [
      new Date(now.getTime() - 3_600_000),
      new Date(now.getTime() - 30 * DAY),
      new Date(now.getTime() - 200 * DAY),
    ]) {
      const parts = splitTraceWindow(defaultTraceWindow(detectedAt, now), now);
      const results = [];
      for (const part of parts) results.push(await run(part.start, part.end));
      expect(new Set(results.flatMap((r) => r.traces.map((t) => t.id))).size, `detected ${detectedAt.toISOString()}`).toBe(SEED_MESSAGES);
    }
    // The evidence snapshot: max(detected − 7 days, now − 10 days) → now.
    const detectedAt = new Date(now.getTime() - 2 * 3_600_000);
    const traceStart = new Date(Math.max(detectedAt.getTime() - 7 * DAY, now.getTime() - 10 * DAY));
    expect((await run(traceStart, now)).traces).toHaveLength(SEED_MESSAGES);
  });
});
