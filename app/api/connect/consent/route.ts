import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { handleCallback } from "@/lib/tenants/callback-response";
import { completeConsent } from "@/lib/tenants/consent";

export const dynamic = "force-dynamic";

// Microsoft's admin-consent redirect (lib/tenants/consent.ts): admin_consent=True&tenant=… or error=…, with our state.
export async function GET(request: Request) {
  const viewer = await getViewer();
  return handleCallback(request, viewer, async () => completeConsent(await getDb(), viewer, new URL(request.url).searchParams));
}
