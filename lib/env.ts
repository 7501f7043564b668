import { z } from "zod";

// Every environment variable the app reads, validated once. `.env.example` documents each.
// Outside demo mode the secrets are required and the server refuses to start without them
// (instrumentation.ts calls getEnv() at boot).

const DEMO_ONLY_SECRET = "breachdesk-demo-mode-only-secret-not-for-production";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

// The database alone, for scripts that need nothing else (scripts/db.ts).
const ZDatabaseEnv = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/pglite")),
});

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BREACHDESK_DEMO: flag,
    ...ZDatabaseEnv.shape,
    EVIDENCE_DIR: z.string().default("./data/evidence"),
    NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
    BREACHDESK_ENCRYPTION_KEY: z.preprocess(
      emptyAsUndefined,
      z.base64().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64").optional(),
    ),
    SESSION_MAX_AGE_HOURS: z.coerce.number().min(1).max(12).default(8),
    // Minutes without a request after which a session ends (checked server-side, lib/auth/user-sessions.ts).
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
    // Read by scripts/server.mjs (which derives the client IP); validated here with the rest.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    TRUST_PROXY: z.string().optional().refine((v) => !v || v === "0" || v === "false", "was replaced by TRUSTED_PROXY_HOPS (the number of reverse proxies in front of the app)"),
    AZURE_AD_CLIENT_ID: optionalString,
    AZURE_AD_CLIENT_SECRET: optionalString,
    AZURE_AD_TENANT_ID: optionalString,
    GRAPH_SIMULATOR_URL: z.url().default("https://localhost:3001"),
    // Opt-in: write every Graph exchange (redacted) to this folder, for replay in tests (lib/graph/recording.ts).
    GRAPH_RECORD_DIR: optionalString,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (!env.BREACHDESK_DEMO) {
      for (const key of ["NEXTAUTH_SECRET", "BREACHDESK_ENCRYPTION_KEY", "NEXTAUTH_URL"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required outside demo mode" });
      }
    }
    const entra = [env.AZURE_AD_CLIENT_ID, env.AZURE_AD_CLIENT_SECRET, env.AZURE_AD_TENANT_ID];
    if (entra.some(Boolean) && !entra.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AZURE_AD_CLIENT_ID"],
        message: "Entra ID sign-in needs AZURE_AD_CLIENT_ID, AZURE_AD_CLIENT_SECRET and AZURE_AD_TENANT_ID together",
      });
    }
  })
  .transform((env) => ({
    ...env,
    // Demo mode may run without secrets; a fixed, loudly named value keeps it working locally.
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? DEMO_ONLY_SECRET,
    BREACHDESK_ENCRYPTION_KEY:
      env.BREACHDESK_ENCRYPTION_KEY ?? Buffer.alloc(32, DEMO_ONLY_SECRET).toString("base64"),
    isEntraSignInEnabled: Boolean(env.AZURE_AD_CLIENT_ID),
  }));

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export class EnvError extends Error {}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(
      `Breachdesk cannot start: invalid configuration.\n${lines.join("\n")}\n` +
        "See .env.example for every variable, or set BREACHDESK_DEMO=1 to run the demo.",
    );
  }
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(ZEnv, source);
}

/** DATABASE_URL and PGLITE_DIR only, validated like the rest (for database scripts). */
export function parseDatabaseEnv(source: Record<string, string | undefined>): z.output<typeof ZDatabaseEnv> {
  return parseWith(ZDatabaseEnv, source);
}

/**
 * Scripts run outside Next (which loads .env itself) call this first, so `npm run db:migrate`
 * configured only in .env reaches the same database as the app. Variables already set win.
 */
export function loadDotEnv(file = ".env"): boolean {
  try {
    process.loadEnvFile(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True inside `next build`, where nothing may open the database. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
