import fs from "node:fs/promises";
import path from "node:path";
import { getAttachmentForViewer } from "@/lib/attachments/service";
import { DOWNLOAD_CSP } from "@/lib/auth/security-headers";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Downloads an evidence file the viewer may read; anything else is 404. Always as a download,
// with the type from our own list, never sniffed, and sandboxed should a browser render it anyway.
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  try {
    const viewer = await requirePermission("tickets.read");
    const { attachmentId } = await params;
    const row = await getAttachmentForViewer(await getDb(), viewer, attachmentId);
    const bytes = await fs.readFile(path.join(getEnv().EVIDENCE_DIR, row.storageKey));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": row.contentType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": `attachment; filename="${row.fileName.replaceAll('"', "")}"`,
        "X-Content-Type-Options": "nosniff",
        // proxy.ts sets the policy of every response; it must pick this one for downloads (contentSecurityPolicyFor).
        "Content-Security-Policy": DOWNLOAD_CSP,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const status = isAppError(error) && error.code === "UNAUTHENTICATED" ? 401 : 404;
    return new Response(status === 401 ? "Sign in first." : "Not found.", { status });
  }
}
