import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every export of a "use server" file is a public POST endpoint. Keep those files to thin actions
// built from the one action client (lib/actions/client.ts), named verbNounAction; everything
// else belongs in a server-only module.

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

const root = path.resolve(import.meta.dirname, "..");
const actionFiles = ["app", "lib", "components"]
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(f, "utf8")));

describe("server action files", () => {
  it("exist", () => {
    expect(actionFiles.length).toBeGreaterThan(5);
  });

  it.each(actionFiles.map((f) => [path.relative(root, f), f]))("%s exports only actions built from actionClient", (_name, file) => {
    const source = fs.readFileSync(file, "utf8");
    const exports = [
      ...source.matchAll(/^export\s+(?:async\s+)?(?:const|function|let|class|type|interface|default)\s*([A-Za-z0-9_]*)/gm),
    ].map((m) => m[1] ?? "default");
    expect(exports.length).toBeGreaterThan(0);
    for (const name of exports) expect(name).toMatch(/^[a-z][A-Za-z0-9]*Action$/);
    const defined = [...source.matchAll(/^export const ([A-Za-z0-9_]+) = (\w+)/gm)];
    expect(defined.length).toBe(exports.length);
    for (const [, , builder] of defined) expect(builder).toBe("actionClient");
    expect(source).not.toMatch(/^export \{/m);
  });
});
