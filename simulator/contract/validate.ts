import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { BATCH_REQUEST_SCHEMA, BATCH_RESPONSE_SCHEMA, collectionOf, UNDESCRIBED } from "./undescribed";

// Validates Graph request and response bodies against Microsoft's published OpenAPI (the subset
// committed in simulator/contract/graph, MIT; provenance in its SOURCE.md). As SOURCE.md explains,
// `additionalProperties: {type: object}` must be dropped first, or every derived type fails its
// base branch. Committed rather than read from outside the checkout, so no check is ever skipped.

export const CONTRACT_DIR = path.resolve(process.cwd(), "simulator", "contract", "graph");

type Doc = { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
type Operation = {
  requestBody?: RefOr<{ content?: Record<string, { schema?: unknown }> }>;
  responses?: Record<string, RefOr<{ content?: Record<string, { schema?: unknown }> }>>;
};
type RefOr<T> = T & { $ref?: string };

const FILES = {
  "v1.0": "graph-v1.0-subset.json",
  beta: "graph-beta-subset.json",
  trace: "graph-v1.0-messagetrace-from-csdl.json",
} as const;

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (
      k === "additionalProperties" &&
      v &&
      typeof v === "object" &&
      (v as { type?: string }).type === "object" &&
      Object.keys(v).length === 1
    )
      continue;
    out[k] = clean(v);
  }
  return out;
}

const docUri = (key: string) => `https://contract.breachdesk.test/${key}`;

let loaded: { ajv: Ajv; docs: Record<keyof typeof FILES, Doc> } | undefined;

function load() {
  if (loaded) return loaded;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ["int8", "int16", "int32", "int64", "uint8", "double", "float", "decimal", "base64url", "duration", "time"])
    ajv.addFormat(f, true);
  const docs = {} as Record<keyof typeof FILES, Doc>;
  for (const [key, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const id = docUri(key);
    const text = fs
      .readFileSync(path.join(CONTRACT_DIR, file), "utf8")
      .replaceAll('"$ref": "#/', `"$ref": "${id}#/`)
      .replaceAll('"$ref":"#/', `"$ref":"${id}#/`);
    const doc = clean(JSON.parse(text)) as Doc;
    docs[key] = doc;
    ajv.addSchema({ $id: id, components: doc.components });
  }
  loaded = { ajv, docs };
  return loaded;
}

function deref<T>(docKey: string, node: RefOr<T>): T {
  if (!node.$ref) return node;
  const pointer = node.$ref.split("#/")[1];
  const doc = load().docs[docKey as keyof typeof FILES] as unknown as Record<string, unknown>;
  return pointer!.split("/").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], doc) as T;
}

function templateMatches(template: string, actual: string): boolean {
  const pattern = template
    .split("/")
    .map((seg) =>
      seg.startsWith("microsoft.graph.")
        ? `(?:microsoft\\.graph\\.)?${seg
            .slice(16)
            .replace(/[().$]/g, "\\$&")
            .replace(/\\\(.*\\\)/, "\\(.*\\)")
            .replace(/\{[^}]+\}/g, ".+")}`
        : seg.replace(/\{[^}]+\}/g, "[^/]+"),
    )
    .join("/");
  return new RegExp(`^${pattern}$`, "i").test(actual);
}

/** App-only list of grants: the subset only describes the per-user list, of the same type. */
const ALIASES: [RegExp, string][] = [[/^\/oauth2PermissionGrants$/i, "/users/x/oauth2PermissionGrants"]];

function findOperation(version: "v1.0" | "beta", method: string, requested: string): { docKey: keyof typeof FILES; op: Operation } | null {
  const { docs } = load();
  const apiPath = method === "GET" ? (ALIASES.find(([re]) => re.test(requested))?.[1] ?? requested) : requested;
  const keys: (keyof typeof FILES)[] = apiPath.startsWith("/admin/exchange/tracing") ? ["trace"] : [version];
  for (const docKey of keys) {
    const entries = Object.entries(docs[docKey].paths).filter(([template]) => templateMatches(template, apiPath));
    // The most specific template wins (fewest parameters).
    entries.sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const op = entries.map(([, item]) => item[method.toLowerCase()]).find(Boolean);
    if (op) return { docKey, op };
  }
  return null;
}

const cache = new Map<string, ValidateFunction | null>();

function validatorFor(key: string, _docKey: string, schema: unknown): ValidateFunction | null {
  if (!cache.has(key)) cache.set(key, schema ? load().ajv.compile({ $id: docUri(`op/${cache.size}`), allOf: [schema] }) : null);
  return cache.get(key)!;
}

/** The beta /authentication/requirements and /authentication/signInPreferences calls are not described; their body types are. */
function requirementsSchema(apiPath: string) {
  if (/\/authentication\/requirements$/i.test(apiPath))
    return { $ref: `${docUri("beta")}#/components/schemas/microsoft.graph.strongAuthenticationRequirements` };
  if (/\/authentication\/signInPreferences$/i.test(apiPath))
    return { $ref: `${docUri("beta")}#/components/schemas/microsoft.graph.signInPreferences` };
  return null;
}

export type ContractResult = { checked: boolean; errors: string[] };

function run(validate: ValidateFunction | null, body: unknown): ContractResult {
  if (!validate) return { checked: false, errors: [] };
  const ok = validate(body);
  return { checked: true, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}`) };
}

export function validateRequestBody(version: "v1.0" | "beta", method: string, apiPath: string, body: unknown): ContractResult {
  const special = requirementsSchema(apiPath);
  if (special) return run(validatorFor(`req:${apiPath}:special`, "beta", special), body);
  const found = findOperation(version, method, apiPath);
  const rb = found?.op.requestBody ? deref(found.docKey, found.op.requestBody) : undefined;
  return run(
    validatorFor(
      `req:${version}:${method}:${apiPath.replace(/[^/]+@[^/]+|[0-9a-f-]{36}/gi, "{id}")}`,
      found?.docKey ?? version,
      rb?.content?.["application/json"]?.schema,
    ),
    body,
  );
}

const schemaRef = (docKey: string, name: string) => ({ $ref: `${docUri(docKey)}#/components/schemas/${name}` });

const EMPTY: ContractResult = { checked: true, errors: [] };
const mustBeEmpty = (body: unknown): ContractResult =>
  body === undefined ? EMPTY : { checked: true, errors: ["(body) must be empty: the operation answers no content"] };

/** The closest published type of an operation the subset has no path for (undescribed.ts). */
function undescribedResponse(
  version: "v1.0" | "beta",
  method: string,
  apiPath: string,
  status: number,
  body: unknown,
): ContractResult | null {
  const entry = UNDESCRIBED.find((u) => u.method === method && u.pattern.test(apiPath));
  if (!entry) return null;
  if (!entry.schema || status === 204) return mustBeEmpty(body);
  const docKey = entry.doc === "beta" ? "beta" : version;
  const key = `undescribed:${docKey}:${method}:${entry.pattern.source}`;
  if (typeof entry.schema !== "string") {
    const own = entry.schema.own;
    return run(
      validatorFor(key, docKey, entry.collection ? { type: "object", properties: { value: { type: "array", items: own } } } : own),
      body,
    );
  }
  const ref = schemaRef(docKey, entry.schema);
  return run(validatorFor(key, docKey, entry.collection ? collectionOf(ref.$ref) : ref), body);
}

export function validateResponseBody(
  version: "v1.0" | "beta",
  method: string,
  apiPath: string,
  status: number,
  body: unknown,
): ContractResult {
  if (status >= 400) return run(validatorFor("error", "v1.0", schemaRef("v1.0", "microsoft.graph.ODataErrors.ODataError")), body);
  const special = requirementsSchema(apiPath);
  if (special) return method === "GET" ? run(validatorFor(`res:${apiPath}:special`, "beta", special), body) : mustBeEmpty(body);
  const found = findOperation(version, method, apiPath);
  const response = found?.op.responses?.[String(status)] ?? found?.op.responses?.["2XX"];
  if (response) {
    const schema = deref(found!.docKey, response).content?.["application/json"]?.schema;
    // "2XX" lumps statuses together; a 204 (PATCH user, as Graph answers it) has no body by definition.
    if (!schema || status === 204) return mustBeEmpty(body);
    return run(
      validatorFor(`res:${version}:${method}:${status}:${apiPath.replace(/[^/]+@[^/]+|[0-9a-f-]{36}/gi, "{id}")}`, found!.docKey, schema),
      body,
    );
  }
  return undescribedResponse(version, method, apiPath, status, body) ?? { checked: false, errors: [] };
}

/** The $batch envelopes (not in Microsoft's OpenAPI; see undescribed.ts). Items are checked one by one. */
export function validateBatchRequest(body: unknown): ContractResult {
  return run(validatorFor("batch:request", "v1.0", BATCH_REQUEST_SCHEMA), body);
}

export function validateBatchResponse(body: unknown): ContractResult {
  return run(validatorFor("batch:response", "v1.0", BATCH_RESPONSE_SCHEMA), body);
}
