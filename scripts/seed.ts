// Seeds the demo tenants, sign-ins and tickets (demo mode only; see seedDemoIfAllowed).
import { resolveDatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { getEnv, loadDotEnv } from "@/lib/env";
import { seedDemoIfAllowed } from "@/prisma/seed/demo";

const MESSAGES = {
  seeded: "Seeded demo tenants, sign-ins and tickets.",
  "already-seeded": "Demo data already present.",
  "refused-not-demo": "Refusing to seed demo data: BREACHDESK_DEMO is not set. Demo data is only for demo mode.",
  "refused-real-tenants": "Refusing to seed demo data: this database holds real tenants.",
  "refused-real-users": "Refusing to seed demo data: this database holds users who are not demo sign-ins.",
} as const;

async function main() {
  loadDotEnv(); // the same configuration as the app (which reads .env itself)
  const env = getEnv();
  const { db, close } = await createPrismaClient(resolveDatabaseTarget(env));
  try {
    const outcome = await seedDemoIfAllowed(db, { isDemoMode: env.BREACHDESK_DEMO, encryptionKey: env.BREACHDESK_ENCRYPTION_KEY });
    console.log(MESSAGES[outcome]);
    if (outcome.startsWith("refused")) process.exitCode = 1;
  } finally {
    await close();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
