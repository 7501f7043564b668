import { NextResponse } from "next/server";
import { z } from "zod";
import { saveAttachment } from "@/lib/attachments/service";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError, toUserMessage } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Upload of one evidence file (multipart form: file, visibility). Answers JSON with a field
// error the form can show beside the file input.
export async function POST(request: Request, { params }: { params: Promise<{ ticketId: string }> }) {
  try {
    const viewer = await requirePermission("tickets.read");
    const { ticketId } = await params;
    const form = await request.formData();
    const file = form.get("file");
    const visibility = z.enum(["PUBLIC", "INTERNAL"]).catch("PUBLIC").parse(form.get("visibility"));
    if (!(file instanceof File)) return NextResponse.json({ fieldErrors: { file: ["Choose a file."] } }, { status: 400 });
    const row = await saveAttachment(await getDb(), viewer, {
      ticketId: z.uuid().parse(ticketId), fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()),
      visibility: viewer.role === "TENANT_ADMIN" ? "PUBLIC" : visibility, evidenceDir: getEnv().EVIDENCE_DIR,
    });
    return NextResponse.json({ id: row.id }, { status: 201 });
  } catch (error) {
    if (isAppError(error) && error.details?.field === "file") return NextResponse.json({ fieldErrors: { file: [error.message] } }, { status: 400 });
    const status = isAppError(error) ? error.status : error instanceof z.ZodError ? 404 : 500;
    return NextResponse.json({ error: status === 404 ? "Ticket not found." : toUserMessage(error) }, { status });
  }
}
