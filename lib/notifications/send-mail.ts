import "server-only";
import type { Db } from "@/lib/db/create-client";
import { getMailEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { describeSmtpError, smtpTransport } from "./mailer";

// The job's work: send one stored mail. A mail already sent is not sent again; a failure is
// written on the mail and thrown, so the job is retried with backoff (and, after the last
// attempt, the mail shows FAILED beside the failed job on Admin → Jobs).

export async function deliverMail(db: Db, input: { mailId: string; attempt: number; maxAttempts: number }) {
  const mail = await db.outgoingMail.findUnique({ where: { id: input.mailId } });
  if (!mail) throw new AppError("NOT_FOUND", "The mail to send no longer exists.");
  if (mail.status === "SENT") return { status: "SENT", messageId: mail.messageId };
  const env = getMailEnv();
  if (env.mode !== "smtp" || !env.smtpUrl) {
    await db.outgoingMail.update({ where: { id: mail.id }, data: { status: "STORED", lastError: "SMTP_URL is not set: kept, not sent." } });
    return { status: "STORED" };
  }
  try {
    const info = await smtpTransport(env.smtpUrl).sendMail({
      from: env.from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // Stable per mail: a retry after a lost reply lets the receiving side drop the duplicate.
      messageId: `<${mail.id}@breachdesk>`,
    });
    await db.outgoingMail.update({
      where: { id: mail.id },
      data: { status: "SENT", sentAt: new Date(), messageId: info.messageId, attempts: { increment: 1 }, lastError: null },
    });
    return { status: "SENT", messageId: info.messageId };
  } catch (error) {
    const message = describeSmtpError(error);
    const last = input.attempt >= input.maxAttempts;
    await db.outgoingMail.update({
      where: { id: mail.id },
      data: { status: last ? "FAILED" : "QUEUED", attempts: { increment: 1 }, lastError: message },
    });
    throw new AppError("UPSTREAM_UNAVAILABLE", message);
  }
}
