import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { cancelJob, retryJob, type JobActedOn } from "./enqueue";
import { getProcessJobQueue, type JobQueue } from "./queue";

// A platform admin's actions on a job: the permission checked again here, below the action, and
// the change audited in the same transaction (the hash-chained log; not on a ticket's timeline).

type Act = (jobId: string, options: { tx: Prisma.TransactionClient; queue?: JobQueue }) => Promise<JobActedOn>;

async function actAudited(db: Db, viewer: Viewer, jobId: string, act: Act, action: string, queue?: JobQueue): Promise<void> {
  assertCan(viewer, "jobs.manage");
  const job = await db.$transaction(async (tx) => {
    const acted = await act(jobId, { tx, queue });
    await recordAuditEvent(tx, { actorId: viewer.id, action, target: jobId, details: { kind: acted.kind, ...acted.refs } });
    return acted;
  });
  (queue ?? getProcessJobQueue()).runner?.notify(job.kind); // a job queued again starts without waiting for a poll
}

export function cancelJobAsAdmin(db: Db, viewer: Viewer, jobId: string, queue?: JobQueue): Promise<void> {
  return actAudited(db, viewer, jobId, cancelJob, "job.cancelled", queue);
}

export function retryJobAsAdmin(db: Db, viewer: Viewer, jobId: string, queue?: JobQueue): Promise<void> {
  return actAudited(db, viewer, jobId, retryJob, "job.retried", queue);
}
