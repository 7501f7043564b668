import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { handleCallback } from "@/lib/tenants/callback-response";
import { completeSetup } from "@/lib/tenants/setup";

export const dynamic = "force-dynamic";

// The guided setup's authorization-code redirect (lib/tenants/setup.ts): code=… or error=…, with our state.
export async function GET(request: Request) {
  const viewer = await getViewer();
  return handleCallback(request, viewer, async () => completeSetup(await getDb(), viewer, new URL(request.url).searchParams));
}
