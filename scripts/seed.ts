// Seeds the demo tenants, sign-ins and tickets. Demo mode only: it refuses unless
// BREACHDESK_DEMO=1, and refuses a database that holds any non-demo tenant, so demo data never
// lands in a production database by accident. Idempotent: an already seeded database is left alone.
import { resolveDatabaseTarget } from "@/lib/db/adapters";
import { createPrismaClient } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { isDemoSeeded, seedDemo } from "@/prisma/seed/demo";

async function main() {
  const env = getEnv();
  if (!env.BREACHDESK_DEMO) {
    throw new Error("Refusing to seed demo data: BREACHDESK_DEMO is not set. Demo data is only for demo mode.");
  }
  const { db, close } = await createPrismaClient(resolveDatabaseTarget(env));
  try {
    const realTenants = await db.tenant.count({ where: { isDemo: false } });
    if (realTenants > 0) {
      throw new Error(`Refusing to seed demo data: this database has ${realTenants} real tenant(s).`);
    }
    if (await isDemoSeeded(db)) {
      console.log("Demo data already present.");
      return;
    }
    await seedDemo(db, env.BREACHDESK_ENCRYPTION_KEY);
    console.log("Seeded demo tenants, sign-ins and tickets.");
  } finally {
    await close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
