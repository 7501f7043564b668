import fs from "node:fs/promises";
import path from "node:path";
import { getAttachmentForViewer } from "@/lib/attachments/service";
import { DOWNLOAD_CSP } from "@/lib/auth/security-headers";
import { getEnv } from "@/lib/env";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Downloads an evidence file the viewer may read; anything else is 404. Always as a download,
// with the type from our own list, never sniffed, and sandboxed should a browser render it anyway.
export const GET = apiRoute<{ attachmentId: string }>(
  { name: "attachments.download", permission: "tickets.read" },
  async ({ params, viewer, db }) => {
    const row = await getAttachmentForViewer(db, viewer, params.attachmentId);
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
  },
);
