// Runs inside the caller's transaction; also used by the demo seed (outside Next).
import type { Prisma } from "@/generated/prisma/client";
import { brokenChainMessage, findBrokenEventForReport } from "@/lib/audit/verify";
import { AppError } from "@/lib/errors";
import { composeReport, type Report } from "./compose-report";
import { loadReportFacts } from "./load-facts";
import { renderMarkdown } from "./render-markdown";

/**
 * Freezes the report at close: later edits never change it; each close writes the next version.
 * Refused while the audit log does not verify: the report's timeline is read from it.
 */
export async function snapshotReport(
  tx: Prisma.TransactionClient,
  input: { ticketId: string; actorId: string },
): Promise<{ id: string; version: number; report: Report }> {
  const broken = await findBrokenEventForReport(tx, input.ticketId);
  if (broken) throw new AppError("INVALID_STATE", brokenChainMessage(broken));
  const report = composeReport(await loadReportFacts(tx, input.ticketId));
  const last = await tx.reportVersion.findFirst({
    where: { ticketId: input.ticketId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const row = await tx.reportVersion.create({
    data: {
      ticketId: input.ticketId,
      version: (last?.version ?? 0) + 1,
      content: JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue,
      markdown: renderMarkdown(report),
      createdById: input.actorId,
    },
    select: { id: true, version: true },
  });
  return { ...row, report };
}
