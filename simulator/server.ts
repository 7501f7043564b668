import https from "node:https";
import type { AddressInfo } from "node:net";
import { runBatch } from "./batch";
import { ensureCertificate } from "./certificate";
import { createResponseChecker, type ResponseCheckMode } from "./contract/check";
import { SimClock } from "./clock";
import { handleControl } from "./control";
import { dispatch, type DispatchDeps } from "./dispatch";
import { Faults, type Fault } from "./faults";
import { errorBody, GraphHttpError, newRequestId, type GraphRequest, type GraphVersion, type SimResponse } from "./http";
import { ApplicationRegistry, type ApplicationConfig } from "./applications";
import { AuthCodeStore } from "./auth-codes";
import { IdTokenSigner, openIdConfiguration, TokenService } from "./identity";
import { handleSignInFlow } from "./sign-in-flows";
import type { HtmlResponse } from "./sign-in-page";
import { oauthError, tokenEndpoint, type Authority } from "./token-endpoint";
import type { SimRuntime } from "./route";
import { ALL_ROUTES } from "./routes/all";
import { buildWorld, generateCompromisedUsers, type CompromisedUsersConfig } from "./scenario/build";
import { CONTOSO } from "./demo-tenants";
import { resolveRules, type GraphRules, type RulesOption } from "./rules";
import { GRAPH_QUOTAS, Throttle, type Bucket, type Quota } from "./throttle";

export type SimulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  certDir?: string;
  /** Added to every HTTP request (a $batch counts once, as on Graph). */
  latencyMs?: number;
  /** true = Graph's quotas; an object overrides some of them (tests use small windows). */
  quotas?: boolean | Partial<Record<Bucket, Quota>>;
  faults?: Fault[];
  /** Enables /_control/* (tests and the demo's e2e only). */
  control?: boolean;
  seed?: number;
  tokenLifetimeSeconds?: number;
  /** Called for each Graph request (contract checks in tests). */
  onRequest?: (req: GraphRequest, op: string | undefined) => void;
  /** Reject request bodies that break Graph's published schema (simulator/contract/graph). */
  validateRequests?: boolean;
  /**
   * Check every Graph response the simulator sends against Graph's published schema
   * (simulator/contract/graph): true or "record" notes violations in responseViolations; "fail"
   * also answers 500 in place of the offending response.
   */
  validateResponses?: boolean | ResponseCheckMode;
  /** Extra compromised users in the scenario (bulk tests, benchmarks), rebuilt on every reset. */
  compromisedUsers?: CompromisedUsersConfig;
  /** Multi-tenant apps registered with the simulated Entra ID (kept across resets). */
  applications?: ApplicationConfig[];
  /**
   * Graph's timing rules (rules.ts): read-after-write lag, audit latency, asynchronous risk
   * processing, Identity Protection's quota. Default "realistic"; "fast" turns the timing off.
   */
  rules?: RulesOption;
};

export type RunningSimulator = {
  url: string;
  port: number;
  runtime: SimRuntime;
  /** Request bodies that broke the schema (validateRequests). */
  contractViolations: string[];
  /** Responses that broke the schema, or that no schema describes (validateResponses). */
  responseViolations: string[];
  stop(): Promise<void>;
  reset(seed?: number): void;
  configure(config: Record<string, unknown>): void;
};

/** The quotas in force: the configured ones, plus Identity Protection's when the rules play it. */
function quotasFrom(q: SimulatorOptions["quotas"], rules: GraphRules): Partial<Record<Bucket, Quota>> | null {
  const base = q === true ? GRAPH_QUOTAS : q ? { ...q } : null;
  if (!rules.identityProtectionQuota || base?.identityProtection) return base;
  return { ...(base ?? {}), identityProtection: GRAPH_QUOTAS.identityProtection };
}

function readBody(req: import("node:http").IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const cert = await ensureCertificate(options.certDir ?? "./data/simulator");
  const settings = {
    latencyMs: options.latencyMs ?? 0,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    seed: options.seed ?? 1042,
  };
  let compromisedUsers = options.compromisedUsers;
  const world = (seed: number) => {
    const w = buildWorld(seed);
    const extra = compromisedUsers;
    const t = extra && w.tenants.get(extra.tenantId ?? CONTOSO.tenantId);
    if (extra && t) generateCompromisedUsers(t, extra.count, extra.seed);
    return w;
  };
  const applications = new ApplicationRegistry();
  for (const app of options.applications ?? []) applications.register(app);
  const runtime: SimRuntime = { world: world(settings.seed), clock: new SimClock(), rules: resolveRules(options.rules), applications };
  let quotas = options.quotas;
  const throttle = new Throttle(quotasFrom(quotas, runtime.rules));
  const faults = new Faults();
  faults.set(options.faults ?? []);
  const tokens = new TokenService(() => settings.tokenLifetimeSeconds);
  const authority: Authority = { rt: runtime, tokens, idTokens: new IdTokenSigner(), apps: applications, codes: new AuthCodeStore() };
  const contractViolations: string[] = [];
  const responseViolations: string[] = [];
  const checkMode = options.validateResponses === "fail" ? "fail" : "record";
  const deps: DispatchDeps = {
    rt: runtime,
    routes: ALL_ROUTES,
    tokens,
    throttle,
    faults,
    onRequest: options.onRequest,
    validateRequests: options.validateRequests ? { violations: contractViolations } : undefined,
    checkResponse: options.validateResponses ? createResponseChecker(responseViolations, checkMode) : undefined,
  };
  const hooks = {
    reset(seed?: number) {
      runtime.world = world(seed ?? settings.seed);
      runtime.writes = new Map();
      runtime.clock.reset();
      quotas = options.quotas;
      runtime.rules = resolveRules(options.rules);
      throttle.configure(quotasFrom(quotas, runtime.rules));
      faults.clear();
    },
    configure(config: Record<string, unknown>) {
      if (typeof config.latencyMs === "number") settings.latencyMs = config.latencyMs;
      if (typeof config.tokenLifetimeSeconds === "number") settings.tokenLifetimeSeconds = config.tokenLifetimeSeconds;
      if (config.application && typeof config.application === "object") applications.register(config.application as ApplicationConfig);
      if ("rules" in config) runtime.rules = resolveRules(config.rules as RulesOption);
      if ("quotas" in config) quotas = config.quotas as SimulatorOptions["quotas"];
      if ("quotas" in config || "rules" in config) throttle.configure(quotasFrom(quotas, runtime.rules));
      if (Array.isArray(config.faults)) faults.set(config.faults as Fault[]);
      // Part of the scenario: takes effect at the next reset.
      if ("compromisedUsers" in config) compromisedUsers = (config.compromisedUsers ?? undefined) as CompromisedUsersConfig | undefined;
    },
    faults,
    seed: settings.seed,
  };

  const server = https.createServer({ cert: cert.cert, key: cert.key }, async (req, res) => {
    const url = new URL(req.url ?? "/", `https://${req.headers.host ?? "localhost"}`);
    const origin = `https://${req.headers.host ?? "localhost"}`;
    const requestId = newRequestId();
    // Set once the request is a Graph call: its response is then checked against the contract.
    let graphCall: Parameters<NonNullable<DispatchDeps["checkResponse"]>>[0] | undefined;
    const send = (response: SimResponse) => {
      const { status, body, headers } = graphCall && deps.checkResponse ? deps.checkResponse(graphCall, response) : response;
      res.writeHead(status, {
        "request-id": requestId,
        "client-request-id": String(req.headers["client-request-id"] ?? requestId),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    // The sign-in pages: HTML, or a redirect back to the client.
    const sendPage = (page: HtmlResponse) => {
      if ("location" in page) res.writeHead(302, { Location: page.location, "Cache-Control": "no-store" });
      else res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end("html" in page ? page.html : undefined);
    };
    try {
      const raw = await readBody(req);
      const segments = url.pathname.split("/").filter(Boolean);
      if (segments[0] === "_control") {
        if (!options.control) return send({ status: 404, body: { error: "control endpoints are disabled" } });
        const body = req.method === "GET" ? Object.fromEntries(url.searchParams) : raw ? JSON.parse(raw) : {};
        return send(handleControl(runtime, hooks, req.method ?? "GET", url.pathname, body));
      }
      if (segments[0] === "common" && segments[1] === "discovery") {
        const tenant = new URL(url.searchParams.get("authorization_endpoint") ?? `${origin}/common/`).pathname.split("/")[1];
        return send({
          status: 200,
          body: {
            tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
            "api-version": "1.1",
            metadata: [{ preferred_network: url.host, preferred_cache: url.host, aliases: [url.host] }],
          },
        });
      }
      if (segments[1] === "v2.0" && segments[2] === ".well-known") return send(openIdConfiguration(origin, segments[0]!));
      if (segments[1] === "discovery" && segments[3] === "keys") return send({ status: 200, body: authority.idTokens.jwks() });
      if (segments[1] === "oauth2" && segments[3] === "token" && req.method === "POST") {
        // Fault "token": Microsoft's sign-in down (5xx with AADSTS90033, "a transient error has
        // occurred. Try again" — learn.microsoft.com/entra/identity-platform/reference-error-codes)
        // or hanging (the answer comes after delayMs).
        const fault = faults.take("token", { tenantId: segments[0] });
        if (fault && "status" in fault)
          return send(
            oauthError(fault.status, "temporarily_unavailable", "AADSTS90033", "A transient error has occurred. Please try again."),
          );
        if (fault && "timeout" in fault) await new Promise((r) => setTimeout(r, fault.delayMs ?? 15_000));
        return send(tokenEndpoint(authority, segments[0]!, origin, new URLSearchParams(raw), req.headers.authorization));
      }
      const flow =
        segments[1] === "v2.0" && segments[2] === "adminconsent"
          ? "adminconsent"
          : segments[1] === "oauth2" && segments[3] === "authorize"
            ? "authorize"
            : null;
      if (flow && segments.length === (flow === "adminconsent" ? 3 : 4)) {
        return sendPage(handleSignInFlow(authority, flow, segments[0]!, req.method ?? "GET", url.searchParams, new URLSearchParams(raw)));
      }
      const version = segments[0] as GraphVersion;
      if (version !== "v1.0" && version !== "beta") return send({ status: 404, body: errorBody("NotFound", "Unknown path.", requestId) });
      graphCall = { version, method: req.method ?? "GET", path: `/${segments.slice(1).join("/")}`, requestId };
      if (settings.latencyMs > 0) await new Promise((r) => setTimeout(r, settings.latencyMs));
      let parsed: unknown;
      try {
        parsed = raw ? JSON.parse(raw) : undefined;
      } catch {
        return send({ status: 400, body: errorBody("BadRequest", "Unable to read JSON request payload.", requestId) });
      }
      const graphReq: GraphRequest = {
        method: req.method ?? "GET",
        version,
        path: `/${segments.slice(1).join("/")}`,
        query: url.searchParams,
        body: parsed,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v])),
        requestId,
        origin,
      };
      if (graphReq.path === "/$batch" && graphReq.method === "POST") return send(await runBatch(deps, graphReq));
      const result = await dispatch(deps, graphReq);
      if (result.body && typeof result.body === "object" && "error" in (result.body as object)) {
        (result.body as { error: { innerError: { "request-id": string } } }).error.innerError["request-id"] = requestId;
      }
      return send(result);
    } catch (error) {
      if (error instanceof GraphHttpError)
        return send({ status: error.status, body: errorBody(error.code, error.message, requestId), headers: error.headers });
      console.error("simulator error", error);
      return send({ status: 500, body: errorBody("generalException", "An internal error occurred in the simulator.", requestId) });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 3001, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${port}`,
    port,
    runtime,
    contractViolations,
    responseViolations,
    reset: hooks.reset,
    configure: hooks.configure,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
