import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFoundError } from "@/lib/errors";
import { assertTicketOpen } from "@/lib/tickets/assert-open";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import { checkContent } from "./content";
import { assertTicketHasRoom, countUpload } from "./limits";
import { ALLOWED_TYPES, checkUpload, cleanFileName, extensionOf } from "./rules";
import { getTicketForViewer } from "@/lib/tickets/ticket-for-viewer";
import { recordTicketEvent } from "@/lib/tickets/record-ticket-event";

// Evidence files live on disk under the evidence dir (by ticket), the database keeps the record.
// Each ticket holds a bounded amount, and each person uploads at a bounded rate (./limits.ts).

export const CLOSED_FOR_REPORTER =
  "This incident is closed, so no more evidence can be attached. Post an update if something new came up: the support team can reopen it.";

export async function saveAttachment(
  db: Db,
  viewer: Viewer,
  input: { ticketId: string; fileName: string; bytes: Buffer; visibility: "PUBLIC" | "INTERNAL"; evidenceDir: string },
) {
  assertCan(viewer, input.visibility === "INTERNAL" ? "comments.writeInternal" : "comments.writePublic");
  // The rules apply to the name as it will be stored (cleaned and shortened), not as sent.
  const fileName = cleanFileName(input.fileName);
  const problem = checkUpload(fileName, input.bytes.length) ?? checkContent(extensionOf(fileName), input.bytes);
  if (problem) throw new AppError("INVALID_INPUT", problem, { field: "file" });
  const ticket = await getTicketForViewer(db, viewer, input.ticketId, {
    id: true,
    number: true,
    tenantId: true,
    status: true,
    tenant: { select: { disconnectedAt: true } },
  });
  // A tenant admin cannot reopen, so they are told what they can do instead.
  if (ticket.status === "CLOSED" && viewer.role === "TENANT_ADMIN") throw new AppError("INVALID_STATE", CLOSED_FOR_REPORTER);
  assertTicketOpen(ticket, "attach evidence");
  await countUpload(db, viewer.id);
  const storageKey = `${ticket.id}/${randomUUID()}`;
  const target = path.join(input.evidenceDir, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, input.bytes, { flag: "wx" });
  try {
    return await db.$transaction(async (tx) => {
      await assertTicketHasRoom(tx, ticket.id, input.bytes.length);
      const row = await tx.attachment.create({
        data: {
          ticketId: ticket.id,
          uploadedById: viewer.id,
          fileName,
          contentType: ALLOWED_TYPES[extensionOf(fileName)]!,
          size: input.bytes.length,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
          storageKey,
          visibility: input.visibility,
        },
        select: { id: true },
      });
      await recordTicketEvent(tx, viewer.id, ticket, { action: "attachment.added", details: { fileName, visibility: input.visibility } });
      return row;
    });
  } catch (error) {
    await fs.rm(target, { force: true }); // no orphan file without its record
    throw error;
  }
}

/** An attachment the viewer may read (tenant admins: public ones of their own tenant). */
export async function getAttachmentForViewer(db: Db, viewer: Viewer, attachmentId: string) {
  const isStaff = viewer.role !== "TENANT_ADMIN";
  const row = await db.attachment.findFirst({
    where: { id: attachmentId, ticket: ticketAccessFor(viewer), ...(isStaff ? {} : { visibility: "PUBLIC" }) },
    select: { id: true, fileName: true, contentType: true, size: true, storageKey: true },
  });
  if (!row) throw notFoundError("Attachment");
  return row;
}

export async function listAttachments(db: Db, viewer: Viewer, ticketId: string) {
  const isStaff = viewer.role !== "TENANT_ADMIN";
  return db.attachment.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer), ...(isStaff ? {} : { visibility: "PUBLIC" }) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      fileName: true,
      size: true,
      sha256: true,
      visibility: true,
      createdAt: true,
      uploadedBy: { select: { name: true } },
    },
  });
}
