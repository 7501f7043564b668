import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isSeedAllowed, seedForE2e, ZE2eSeed } from "@/prisma/seed/e2e";

export const dynamic = "force-dynamic";

// POST /api/test-seed — the end-to-end tests' own data (prisma/seed/e2e.ts). It exists only in
// demo mode with E2E_SEED_TOKEN set (playwright.config.ts sets both) and the caller holding that
// token; otherwise it is not found, like any route that is not there.
const notFound = () => new Response("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const env = getEnv();
  if (!isSeedAllowed(env, request.headers.get("authorization"))) return notFound();
  const parsed = ZE2eSeed.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
  const seeded = await seedForE2e(await getDb(), parsed.data, { encryptionKey: env.BREACHDESK_ENCRYPTION_KEY });
  return Response.json(seeded, { status: 201, headers: { "Cache-Control": "no-store" } });
}
