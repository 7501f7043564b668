import { NextResponse } from "next/server";
import { z } from "zod";
import { saveAttachment } from "@/lib/attachments/service";
import { isUploadProblem, readUploadRequest } from "@/lib/attachments/upload-request";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Upload of one evidence file (multipart form: file, visibility). Like a server action, it
// accepts only requests from Breachdesk's own pages (lib/auth/same-origin.ts). Answers JSON with
// a field error the form can show beside the file input.
export const POST = apiRoute<{ ticketId: string }>(
  { name: "attachments.upload", permission: "tickets.read", body: "json", sameOrigin: true },
  async ({ request, params, viewer, db }) => {
    const ticketId = z.uuid().safeParse(params.ticketId);
    if (!ticketId.success) return NextResponse.json({ error: "Ticket not found." }, { status: 404 });
    const upload = await readUploadRequest(request);
    if (isUploadProblem(upload)) {
      return NextResponse.json(upload.field ? { fieldErrors: { file: [upload.message] } } : { error: upload.message }, {
        status: upload.status,
      });
    }
    try {
      const row = await saveAttachment(db, viewer, {
        ticketId: ticketId.data,
        fileName: upload.file.name,
        bytes: Buffer.from(await upload.file.arrayBuffer()),
        visibility: viewer.role === "TENANT_ADMIN" ? "PUBLIC" : upload.visibility,
        evidenceDir: getEnv().EVIDENCE_DIR,
      });
      return NextResponse.json({ id: row.id }, { status: 201 });
    } catch (error) {
      if (isAppError(error) && error.details?.field === "file")
        return NextResponse.json({ fieldErrors: { file: [error.message] } }, { status: error.status });
      throw error;
    }
  },
);
