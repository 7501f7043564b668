import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

// One SMTP transport per SMTP_URL, pooled, with time limits so a stuck server fails the job's
// attempt (retried later) instead of holding a worker.

const transports = new Map<string, Transporter>();

export function smtpTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    const url = new URL(smtpUrl);
    transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Why a send failed, for the mail row and the job page: nodemailer's code and the server's reply code, never the URL (it may hold a password). */
export function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; command?: string };
  const parts = [e.code, e.responseCode ? `reply ${e.responseCode}` : null, e.command ? `after ${e.command}` : null].filter(Boolean);
  return `The SMTP server did not take the mail${parts.length ? ` (${parts.join(", ")})` : ""}.`;
}
