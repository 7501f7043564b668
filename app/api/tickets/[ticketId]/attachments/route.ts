import { NextResponse } from "next/server";
import { z } from "zod";
import { saveAttachment } from "@/lib/attachments/service";
import { isUploadProblem, readUploadRequest } from "@/lib/attachments/upload-request";
import { requestOriginInfo } from "@/lib/auth/request-origin";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

export const dynamic = "force-dynamic";

// Upload of one evidence file (multipart form: file, visibility). Like a server action, it
// accepts only requests from Breachdesk's own pages (lib/auth/same-origin.ts). Answers JSON with
// a field error the form can show beside the file input.
export async function POST(request: Request, { params }: { params: Promise<{ ticketId: string }> }) {
  try {
    const origin = requestOriginInfo(request.headers, getEnv().NEXTAUTH_URL);
    if (!isSameOriginRequest(origin)) {
      getLogger().warn({ route: "attachments.upload", origin: origin.origin, secFetchSite: origin.secFetchSite }, "upload refused: not same-origin");
      return NextResponse.json({ error: "This request did not come from a Breachdesk page. Reload the page and try again." }, { status: 403 });
    }
    const viewer = await requirePermission("tickets.read");
    const ticketId = z.uuid().safeParse((await params).ticketId);
    if (!ticketId.success) return NextResponse.json({ error: "Ticket not found." }, { status: 404 });
    const upload = await readUploadRequest(request);
    if (isUploadProblem(upload)) {
      return NextResponse.json(upload.field ? { fieldErrors: { file: [upload.message] } } : { error: upload.message }, { status: upload.status });
    }
    const row = await saveAttachment(await getDb(), viewer, {
      ticketId: ticketId.data, fileName: upload.file.name, bytes: Buffer.from(await upload.file.arrayBuffer()),
      visibility: viewer.role === "TENANT_ADMIN" ? "PUBLIC" : upload.visibility, evidenceDir: getEnv().EVIDENCE_DIR,
    });
    return NextResponse.json({ id: row.id }, { status: 201 });
  } catch (error) {
    if (isAppError(error) && error.details?.field === "file") return NextResponse.json({ fieldErrors: { file: [error.message] } }, { status: error.status });
    if (!isAppError(error)) getLogger().error({ err: error, route: "attachments.upload" }, "upload failed");
    const status = isAppError(error) ? error.status : 500;
    return NextResponse.json({ error: status === 404 ? "Ticket not found." : toUserMessage(error) }, { status });
  }
}
