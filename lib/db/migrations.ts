import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WASM: applies and creates migrations offline, through a
// driver adapter, with the same `_prisma_migrations` layout and checksums as `prisma migrate`.

const filters = { externalTables: [], externalEnums: [] };

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: unknown): Promise<{
    editedMigrationNames: string[];
    failedMigrationNames: string[];
    hasMigrationsTable: boolean;
  }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

export const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
export const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");

async function loadEngineModule() {
  // A non-literal path: bundlers must not rewrite it (docs/design-basis.md, Migrations).
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const runtime = await import(/* webpackIgnore: true */ path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return runtime as { SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } };
}

let enginePromise: ReturnType<typeof loadEngineModule> | undefined;

async function createEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  enginePromise ??= loadEngineModule();
  const { SchemaEngine } = await enginePromise;
  return SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}

export function readMigrationsList(dir = migrationsDir) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (e: Engine) => Promise<T>) {
  const engine = await createEngine(factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Applies every committed migration not yet applied; returns the names it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir) {
  return withEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(dir), filters });
    return result.appliedMigrationNames;
  });
}

export async function diagnoseMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir) {
  return withEngine(factory, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: readMigrationsList(dir), optInToShadowDatabase: false, filters }),
  );
}

/** SQL that takes a database at the committed migrations to the schema file ("" when equal). */
export async function diffAgainstSchema(factory: SqlMigrationAwareDriverAdapterFactory, schemaFile = schemaPath) {
  const files = [{ path: schemaFile, content: fs.readFileSync(schemaFile, "utf8") }];
  return withEngine(factory, async (engine) => {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaFile) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}
