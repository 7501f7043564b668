// What benchmarks P3 and P4 need: a ticket with a long history, and server actions called over
// HTTP the way the browser calls them (Next's action protocol: POST to the page with the action's
// id in `Next-Action` and its arguments as JSON), so the figure includes parsing, authorization,
// the write with its audit event, and the page's re-render after revalidatePath.
import fs from "node:fs";
import path from "node:path";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { formatTicketNumber } from "@/lib/tickets/format";

/** Gives the ticket `count` more public comments, each with its audit event, so its timeline is long. */
export async function addHistory(db: Db, ticketId: string, authorId: string, count: number) {
  const ticket = await db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { tenantId: true, number: true } });
  for (let i = 0; i < count; i++) {
    await db.$transaction(async (tx) => {
      await tx.comment.create({
        data: {
          ticketId,
          authorId,
          visibility: i % 2 ? "INTERNAL" : "PUBLIC",
          body: `Progress note ${i + 1}: checked the sign-in logs again.`,
        },
      });
      await recordAuditEvent(tx, {
        actorId: authorId,
        tenantId: ticket.tenantId,
        ticketId,
        action: "comment.added",
        target: formatTicketNumber(ticket.number),
        details: { visibility: i % 2 ? "INTERNAL" : "PUBLIC" },
      });
    });
  }
}

/** The id Next gave a server action in this build. */
export function serverActionId(file: string, exportedName: string): string {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

/** Headers of a same-origin server action call from the browser. */
export function actionHeaders(baseUrl: string, cookie: string, actionId: string): Record<string, string> {
  return { cookie, origin: baseUrl, "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
}
