import { createHash } from "node:crypto";
import { z } from "zod";

// Every environment variable the app reads, validated once. `.env.example` documents each.
// Outside demo mode the secrets are required and the server refuses to start without them
// (instrumentation.ts calls getEnv() at boot).

const DEMO_ONLY_SECRET = "breachdesk-demo-mode-only-secret-not-for-production";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const flagDefaultOn = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === undefined || v === "1" || v === "true");

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalDate = z.preprocess(
  emptyAsUndefined,
  z.iso
    .date("must be a date, YYYY-MM-DD")
    .transform((d) => new Date(`${d}T00:00:00Z`))
    .optional(),
);

const MICROSOFT_AUTHORITY = "https://login.microsoftonline.com";

const ZKey32 = z.preprocess(
  emptyAsUndefined,
  z
    .base64()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64")
    .optional(),
);
const demoKey = (purpose: string) => createHash("sha256").update(`${DEMO_ONLY_SECRET}:${purpose}`).digest("base64");

// The audit chain's key alone, for code that also runs outside the server (the demo seed, tests).
const ZAuditKeyEnv = z.object({ BREACHDESK_DEMO: flag, AUDIT_CHAIN_KEY: ZKey32 });

// The database alone, for scripts that need nothing else (scripts/db.ts).
const ZDatabaseEnv = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/pglite")),
  // The PostgreSQL role the app runs as, given its rights by `npm run db:migrate` (scripts/db.ts).
  DATABASE_APP_ROLE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case role name")
      .optional(),
  ),
});

// Outgoing mail alone (lib/notifications), read where services run: in tests, scripts and jobs
// too, without the rest of the configuration.
const ZMailEnv = z.object({
  BREACHDESK_DEMO: flag,
  NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/, error: "must be smtp://… or smtps://…" }).optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default("Breachdesk <breachdesk@localhost>")),
});

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BREACHDESK_DEMO: flag,
    ...ZDatabaseEnv.shape,
    EVIDENCE_DIR: z.string().default("./data/evidence"),
    NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
    BREACHDESK_ENCRYPTION_KEY: ZKey32,
    AUDIT_CHAIN_KEY: ZAuditKeyEnv.shape.AUDIT_CHAIN_KEY,
    SESSION_MAX_AGE_HOURS: z.coerce.number().min(1).max(12).default(8),
    // Minutes without a request after which a session ends (checked server-side, lib/auth/user-sessions.ts).
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
    // Read by scripts/server.mjs (which derives the client IP); validated here with the rest.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Read by scripts/server.mjs: the address to listen on (demo mode: 127.0.0.1 unless set).
    LISTEN_HOST: optionalString,
    TRUST_PROXY: z
      .string()
      .optional()
      .refine(
        (v) => !v || v === "0" || v === "false",
        "was replaced by TRUSTED_PROXY_HOPS (the number of reverse proxies in front of the app)",
      ),
    AZURE_AD_CLIENT_ID: optionalString,
    AZURE_AD_CLIENT_SECRET: optionalString,
    AZURE_AD_TENANT_ID: optionalString,
    // Where Entra ID sign-in's OpenID configuration lives (the tenant simulator in the demo and tests).
    AZURE_AD_AUTHORITY_HOST: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https$/ }).default(MICROSOFT_AUTHORITY)),
    // Breachdesk's own multi-tenant app (one per deployment): customers connect by admin consent.
    BREACHDESK_APP_CLIENT_ID: z.preprocess(
      emptyAsUndefined,
      z.string().trim().toLowerCase().pipe(z.guid("must be the app's application (client) id, a GUID")).optional(),
    ),
    BREACHDESK_APP_CERTIFICATE: optionalString,
    BREACHDESK_APP_CERTIFICATE_PASSWORD: optionalString,
    BREACHDESK_APP_CERTIFICATE_NEXT: optionalString,
    BREACHDESK_APP_CERTIFICATE_NEXT_PASSWORD: optionalString,
    BREACHDESK_APP_CLIENT_SECRET: optionalString,
    BREACHDESK_APP_CLIENT_SECRET_EXPIRES: optionalDate,
    BREACHDESK_APP_CLIENT_SECRET_NEXT: optionalString,
    BREACHDESK_APP_CLIENT_SECRET_NEXT_EXPIRES: optionalDate,
    GRAPH_SIMULATOR_URL: z.url().default("https://localhost:3001"),
    // Graph's identity-write limit per app and tenant per second; campaign containment paces at 90 % of it (lib/campaigns/pace.ts).
    GRAPH_IDENTITY_WRITES_PER_SECOND: z.coerce.number().positive().max(1000).default(20),
    // Background jobs (lib/jobs): whether this server process also works jobs. Always on with the
    // embedded database (only one process may open it); with DATABASE_URL, 0 leaves them to `npm run worker`.
    JOBS_IN_PROCESS: flagDefaultOn,
    // Seconds a stopping worker (SIGTERM) lets running jobs finish before handing them back to the queue.
    JOBS_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    // Opt-in: write every Graph exchange (redacted) to this folder, for replay in tests (lib/graph/recording.ts).
    GRAPH_RECORD_DIR: optionalString,
    // Notification mail (lib/notifications): sent through this SMTP server when set; see .env.example.
    SMTP_URL: ZMailEnv.shape.SMTP_URL,
    MAIL_FROM: ZMailEnv.shape.MAIL_FROM,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Prints every SQL statement the server's Prisma client sends, one "prisma:query" line each:
    // how the benchmarks count queries per page (bench/support/query-count.ts). Off by default.
    DB_QUERY_LOG: flag,
    // End-to-end tests only (set by playwright.config.ts): the bearer token of POST /api/test-seed,
    // through which each spec creates its own users and tickets. Refused outside demo mode.
    E2E_SEED_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  })
  .superRefine((env, ctx) => {
    if (!env.BREACHDESK_DEMO) {
      for (const key of ["NEXTAUTH_SECRET", "BREACHDESK_ENCRYPTION_KEY", "AUDIT_CHAIN_KEY", "NEXTAUTH_URL"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required outside demo mode" });
      }
    }
    if (!env.JOBS_IN_PROCESS && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["JOBS_IN_PROCESS"],
        message:
          "cannot be 0 with the embedded database: only the server process may open it, so it runs the jobs (set DATABASE_URL to use separate workers)",
      });
    }
    if (env.E2E_SEED_TOKEN && !env.BREACHDESK_DEMO) {
      ctx.addIssue({
        code: "custom",
        path: ["E2E_SEED_TOKEN"],
        message: "is for the end-to-end tests in demo mode only (it lets its holder create sign-ins)",
      });
    }
    const appCredentials = [
      env.BREACHDESK_APP_CERTIFICATE,
      env.BREACHDESK_APP_CERTIFICATE_NEXT,
      env.BREACHDESK_APP_CLIENT_SECRET,
      env.BREACHDESK_APP_CLIENT_SECRET_NEXT,
    ];
    if (env.BREACHDESK_APP_CLIENT_ID && !appCredentials.some(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["BREACHDESK_APP_CERTIFICATE"],
        message: "Breachdesk's app needs a certificate (preferred) or a client secret",
      });
    }
    if (!env.BREACHDESK_APP_CLIENT_ID && appCredentials.some(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["BREACHDESK_APP_CLIENT_ID"], message: "is required with Breachdesk's app credentials" });
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
    BREACHDESK_ENCRYPTION_KEY: env.BREACHDESK_ENCRYPTION_KEY ?? Buffer.alloc(32, DEMO_ONLY_SECRET).toString("base64"),
    AUDIT_CHAIN_KEY: env.AUDIT_CHAIN_KEY ?? demoKey("audit-chain"),
    isEntraSignInEnabled: Boolean(env.AZURE_AD_CLIENT_ID),
    deploymentApp: deploymentAppOf(env),
  }));

export type CredentialSlot = "current" | "next";

/** One configured credential of Breachdesk's own app, as read from the environment (loaded in lib/graph/app-credentials.ts). */
export type AppCredentialSource =
  | { kind: "certificate"; slot: CredentialSlot; value: string; password?: string }
  | { kind: "secret"; slot: CredentialSlot; value: string; expiresAt?: Date };

/** Breachdesk's multi-tenant app, when configured: its credentials in order of preference (certificates first). */
function deploymentAppOf(env: {
  BREACHDESK_APP_CLIENT_ID?: string;
  BREACHDESK_APP_CERTIFICATE?: string;
  BREACHDESK_APP_CERTIFICATE_PASSWORD?: string;
  BREACHDESK_APP_CERTIFICATE_NEXT?: string;
  BREACHDESK_APP_CERTIFICATE_NEXT_PASSWORD?: string;
  BREACHDESK_APP_CLIENT_SECRET?: string;
  BREACHDESK_APP_CLIENT_SECRET_EXPIRES?: Date;
  BREACHDESK_APP_CLIENT_SECRET_NEXT?: string;
  BREACHDESK_APP_CLIENT_SECRET_NEXT_EXPIRES?: Date;
}): { clientId: string; credentials: AppCredentialSource[] } | null {
  if (!env.BREACHDESK_APP_CLIENT_ID) return null;
  const candidates: (AppCredentialSource | null)[] = [
    env.BREACHDESK_APP_CERTIFICATE
      ? { kind: "certificate", slot: "current", value: env.BREACHDESK_APP_CERTIFICATE, password: env.BREACHDESK_APP_CERTIFICATE_PASSWORD }
      : null,
    env.BREACHDESK_APP_CERTIFICATE_NEXT
      ? {
          kind: "certificate",
          slot: "next",
          value: env.BREACHDESK_APP_CERTIFICATE_NEXT,
          password: env.BREACHDESK_APP_CERTIFICATE_NEXT_PASSWORD,
        }
      : null,
    env.BREACHDESK_APP_CLIENT_SECRET
      ? { kind: "secret", slot: "current", value: env.BREACHDESK_APP_CLIENT_SECRET, expiresAt: env.BREACHDESK_APP_CLIENT_SECRET_EXPIRES }
      : null,
    env.BREACHDESK_APP_CLIENT_SECRET_NEXT
      ? {
          kind: "secret",
          slot: "next",
          value: env.BREACHDESK_APP_CLIENT_SECRET_NEXT,
          expiresAt: env.BREACHDESK_APP_CLIENT_SECRET_NEXT_EXPIRES,
        }
      : null,
  ];
  return { clientId: env.BREACHDESK_APP_CLIENT_ID, credentials: candidates.filter((c): c is AppCredentialSource => c !== null) };
}

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

let cachedAuditKey: Buffer | undefined;

/**
 * The key of the audit log's hash chain (HMAC-SHA256, lib/audit/chain.ts), validated like the
 * rest but alone, so the demo seed and tests can write audit events without the whole
 * configuration. Required outside demo mode; demo mode falls back to a fixed, demo-only key.
 */
export function getAuditChainKey(): Buffer {
  cachedAuditKey ??= (() => {
    const env = parseWith(
      ZAuditKeyEnv.refine((e) => e.BREACHDESK_DEMO || e.AUDIT_CHAIN_KEY, {
        path: ["AUDIT_CHAIN_KEY"],
        message: "is required outside demo mode",
      }),
      process.env,
    );
    return Buffer.from(env.AUDIT_CHAIN_KEY ?? demoKey("audit-chain"), "base64");
  })();
  return cachedAuditKey;
}

let cachedEncryptionKey: string | undefined;

/**
 * The key for secrets at rest (lib/crypto/secret-box.ts), validated alone like the audit key, so
 * services and tests that seal a secret need not the whole configuration. Demo mode falls back
 * to the same fixed, demo-only key as getEnv().
 */
export function getEncryptionKey(): string {
  cachedEncryptionKey ??= (() => {
    const env = parseWith(
      z
        .object({ BREACHDESK_DEMO: flag, BREACHDESK_ENCRYPTION_KEY: ZKey32 })
        .refine((e) => e.BREACHDESK_DEMO || e.BREACHDESK_ENCRYPTION_KEY, {
          path: ["BREACHDESK_ENCRYPTION_KEY"],
          message: "is required outside demo mode",
        }),
      process.env,
    );
    return env.BREACHDESK_ENCRYPTION_KEY ?? Buffer.alloc(32, DEMO_ONLY_SECRET).toString("base64");
  })();
  return cachedEncryptionKey;
}

/**
 * How notification mail goes out: "smtp" (SMTP_URL set), "store" (demo without SMTP: rendered
 * and kept for the Outgoing mail page only) or "off". Parsed on each call, alone, so services
 * and tests read it without the whole configuration.
 */
export function getMailEnv(): { mode: "smtp" | "store" | "off"; smtpUrl?: string; from: string; baseUrl: string } {
  const env = parseWith(ZMailEnv, process.env);
  const mode = env.SMTP_URL ? "smtp" : env.BREACHDESK_DEMO ? "store" : "off";
  return { mode, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, baseUrl: (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "") };
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True inside `next build`, where nothing may open the database. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
