import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { deliverMail } from "./send-mail";

export const sendMailJob = defineJob({
  name: "notifications.send-mail",
  label: "Send a notification mail",
  payload: z.object({ mailId: z.uuid(), ticketId: z.uuid().optional() }),
  refs: (p) => ({ ticketId: p.ticketId, group: "mail" }),
  singletonKey: (p) => p.mailId,
  // About 2 h of tries in all (30 s doubling), so a mail server down for maintenance is waited out.
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
  concurrency: 2,
  handler: (payload, ctx) => deliverMail(ctx.db, { mailId: payload.mailId, attempt: ctx.attempt, maxAttempts: ctx.maxAttempts }),
});
