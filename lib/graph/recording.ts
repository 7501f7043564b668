import fs from "node:fs";
import path from "node:path";
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { Redactor } from "./redact";

// Record (opt-in: GRAPH_RECORD_DIR): every Graph exchange a tenant connection makes is written to
// a folder, one JSON file per exchange, in order — method, URL (version, path and query), request
// body, status, the response headers that matter, response body — redacted (redact.ts: no token,
// no secret, no password, pseudonyms for personal data). tests/support/graph-replay.ts serves such
// a folder back to the real client, so a first run against a real tenant can become a regression
// test. Sits just before the HTTP send, so it sees every attempt, retries included.

export type RecordedExchange = {
  method: string;
  /** "/v1.0/users/user1@domain1.example?$select=id", redacted. */
  url: string;
  requestBody: unknown;
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

const KEPT_HEADERS = ["request-id", "client-request-id", "retry-after", "content-type", "location"];

const parse = (text: string): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return "[not JSON]";
  }
};

/** One folder being recorded: its running number and its pseudonyms, shared by every connection writing to it. */
export class Recording {
  seq: number;
  readonly redactor = new Redactor();

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.seq = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).length;
  }

  write(exchange: RecordedExchange) {
    const pathPart = exchange.url
      .split("?")[0]!
      .split("/")
      .filter(Boolean)
      .slice(1, 3)
      .join("-")
      .replace(/[^a-zA-Z0-9$-]/g, "_")
      .slice(0, 40);
    const name = `${String(++this.seq).padStart(4, "0")}-${exchange.method.toLowerCase()}-${pathPart}.json`;
    fs.writeFileSync(path.join(this.dir, name), `${JSON.stringify(exchange, null, 2)}\n`, { mode: 0o600 });
  }
}

/** The middleware of one connection's chain (a middleware instance belongs to one chain). */
export class RecordExchanges implements Middleware {
  private next?: Middleware;
  constructor(private readonly recording: Recording) {}

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const request = typeof context.request === "string" ? context.request : context.request.url;
    const response = context.response;
    if (!response) return;
    const url = new URL(request);
    const text = await response
      .clone()
      .text()
      .catch(() => "");
    const rawBody = context.options?.body;
    const { redactor } = this.recording;
    this.recording.write({
      method: (context.options?.method ?? "GET").toUpperCase(),
      url: redactor.text(decodeURIComponent(`${url.pathname}${url.search}`)),
      requestBody: typeof rawBody === "string" ? redactor.json(parse(rawBody)) : undefined,
      status: response.status,
      headers: Object.fromEntries(KEPT_HEADERS.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)!]] : []))),
      body: redactor.json(parse(text)),
    });
  }

  setNext(next: Middleware) {
    this.next = next;
  }
}

/** One recording per folder, shared by the connections that write to it (the sequence stays in order). */
const recordings = ((globalThis as { __breachdeskRecordings?: Map<string, Recording> }).__breachdeskRecordings ??= new Map());

/** The middleware to put into a new connection's chain: none unless recording is on. */
export function recorderFor(dir: string | undefined): RecordExchanges[] {
  if (!dir) return [];
  let r = recordings.get(dir);
  if (!r) {
    r = new Recording(dir);
    recordings.set(dir, r);
  }
  return [new RecordExchanges(r)];
}
