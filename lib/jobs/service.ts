import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { Viewer } from "@/lib/auth/viewer";
import { getLogger } from "@/lib/logger";
import { cancelJob, retryJob } from "./enqueue";

// A platform admin's actions on a job (the permission checked again here, below the action).

export async function cancelJobAsAdmin(viewer: Viewer, jobId: string): Promise<void> {
  assertCan(viewer, "jobs.manage");
  await cancelJob(jobId);
  getLogger().info({ jobId, userId: viewer.id }, "job cancelled by an admin");
}

export async function retryJobAsAdmin(viewer: Viewer, jobId: string): Promise<void> {
  assertCan(viewer, "jobs.manage");
  await retryJob(jobId);
  getLogger().info({ jobId, userId: viewer.id }, "job queued again by an admin");
}
