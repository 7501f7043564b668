import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The floor plan of lib/ (ARCHITECTURE.md), enforced. A folder may import folders of its own layer
// or of the layers below it, never above; folders never form a cycle, within a layer either.
// There is no exceptions list: a violation is fixed by moving code to where it belongs.
// Tests beside the code are exempt from the layers (a service test may build data through other
// domains) but not from the Graph SDK rule. The simulator is a separate program standing in for
// Microsoft: it and its tests speak to it through the SDK, and it imports nothing of ours.

const LAYERS: { name: string; folders: string[] }[] = [
  { name: "base", folders: ["errors", "env", "logger", "crypto", "utils", "validation", "conflict", "db"] },
  { name: "adapters", folders: ["graph", "audit"] },
  { name: "access", folders: ["auth"] },
  { name: "framework", folders: ["actions", "http", "jobs"] },
  { name: "ticket core", folders: ["tickets"] },
  {
    name: "domains",
    folders: [
      "intake",
      "attachments",
      "impact",
      "investigation",
      "message-trace",
      "preventive",
      "remediation",
      "scope",
      "tenants",
      "users",
      "advisories",
      "audit-admin",
      "notifications",
      "comments",
      "campaigns",
      "alerts",
    ],
  },
  { name: "read models", folders: ["timeline", "metrics", "reports"] },
  { name: "lifecycle", folders: ["workflow"] },
];

const GRAPH_SDK = /^(@microsoft\/microsoft-graph-client|@azure\/identity)(\/|$)/;
const root = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["lib", "app", "components", "scripts", "jobs", "tests", "e2e", "bench", "prisma", "types"];
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /^(tests|e2e|simulator\/test)\//.test(file);

type Edge = { from: string; to: string; file: string };

/** Imports, exports-from, dynamic imports and type imports of one file, as written. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The lib/ folder a repository path belongs to ("lib/env.ts" → "env"), or null outside lib/. */
function libFolderOf(file: string): string | null {
  const m = /^lib\/([^/.]+)/.exec(file);
  return m?.[1] ?? null;
}

/** The repository path an import names ("@/lib/x" or a relative path), or null for a package. */
function resolveImport(fromFile: string, spec: string): string | null {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  return null;
}

/** Folder edges that climb the layer table, and folders missing from it. */
function layerViolations(edges: Edge[], layers = LAYERS): string[] {
  const layerOf = new Map(layers.flatMap((l, i) => l.folders.map((f) => [f, i] as const)));
  const problems: string[] = [];
  for (const e of edges) {
    for (const f of [e.from, e.to]) if (!layerOf.has(f)) problems.push(`lib/${f} is not in the layer table (${e.file})`);
    const [a, b] = [layerOf.get(e.from), layerOf.get(e.to)];
    if (a !== undefined && b !== undefined && b > a) {
      problems.push(`${e.file}: lib/${e.from} (${layers[a]!.name}) imports lib/${e.to} (${layers[b]!.name}), a layer above`);
    }
  }
  return [...new Set(problems)];
}

/** Every group of folders that reach each other (Tarjan's strongly connected components). */
function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.from !== e.to) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mts|mjs|cjs|js)$/.test(entry.name)) out.push(rel);
    }
  };
  for (const dir of [...SOURCE_DIRS, "simulator"]) if (fs.existsSync(path.join(root, dir))) walk(dir);
  for (const file of fs.readdirSync(root)) if (/\.(ts|mts|mjs|cjs|js)$/.test(file)) out.push(file);
  return out;
}

function scan() {
  const edges: Edge[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles()) {
    const from = libFolderOf(file);
    for (const spec of importsOf(fs.readFileSync(path.join(root, file), "utf8"))) {
      if (GRAPH_SDK.test(spec) && !file.startsWith("lib/graph/") && !file.startsWith("simulator/")) {
        problems.push(`${file} imports ${spec}: only lib/graph may use the Graph SDK and @azure/identity`);
      }
      const target = resolveImport(file, spec);
      if (target === null) continue;
      if (file.startsWith("simulator/") && !isTest(file) && !target.startsWith("simulator/"))
        problems.push(`${file} imports ${spec}: the simulator stands alone`);
      if (from !== null && /^(app|components)\//.test(target)) problems.push(`${file} imports ${spec}: lib/ never imports the UI`);
      const to = libFolderOf(target);
      if (from !== null && to !== null && from !== to && !isTest(file)) edges.push({ from, to, file });
    }
  }
  return { edges, problems };
}

describe("the floor plan of lib/", () => {
  const { edges, problems } = scan();

  it("finds the imports it checks", () => {
    expect(edges.length).toBeGreaterThan(100);
  });

  it("has no import that climbs a layer, and every lib/ folder has a layer", () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it("has no cycle between lib/ folders", () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it("keeps the Graph SDK in lib/graph, the UI out of lib/ and the simulator on its own", () => {
    expect(problems).toEqual([]);
  });
});

describe("the floor plan's checks", () => {
  it("report a climb, an unknown folder and a cycle", () => {
    const layers = [
      { name: "low", folders: ["a"] },
      { name: "high", folders: ["b", "c"] },
    ];
    expect(layerViolations([{ from: "a", to: "b", file: "lib/a/x.ts" }], layers)).toEqual([
      "lib/a/x.ts: lib/a (low) imports lib/b (high), a layer above",
    ]);
    expect(layerViolations([{ from: "b", to: "z", file: "lib/b/x.ts" }], layers)).toEqual(["lib/z is not in the layer table (lib/b/x.ts)"]);
    expect(
      folderCycles([
        { from: "b", to: "c", file: "" },
        { from: "c", to: "b", file: "" },
        { from: "b", to: "a", file: "" },
      ]),
    ).toEqual([["b", "c"]]);
  });

  it("read every kind of import", () => {
    const text = `import a from "@/lib/a/x"; import type { B } from "../b"; export { c } from "./c"; const d = await import("@/lib/d");`;
    expect(importsOf(text)).toEqual(["@/lib/a/x", "../b", "./c", "@/lib/d"]);
    expect(libFolderOf(resolveImport("lib/tickets/x.ts", "../env")!)).toBe("env");
    expect(libFolderOf("lib/auth/ticket-access.ts")).toBe("auth");
  });
});
