// One renderer for every mail: what SMTP sends and what the Outgoing mail page shows are the
// same stored rendering. A mail holds the summary line and a link — nothing else from the
// ticket, so no comment text, evidence or secret can leave by mail.

export type MailInput = { recipientName: string; summary: string; url: string; preferencesUrl: string };
export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Header injection is impossible through nodemailer, but a subject stays one line anyway. */
const oneLine = (s: string) =>
  s
    .replace(/[\r\n]+/g, " ")
    .trim()
    .slice(0, 200);

export function renderMail({ recipientName, summary, url, preferencesUrl }: MailInput): RenderedMail {
  const subject = `[Breachdesk] ${oneLine(summary)}`;
  const text = [
    `Hello ${recipientName},`,
    "",
    `${oneLine(summary)}.`,
    "",
    `Open it in Breachdesk: ${url}`,
    "",
    "—",
    `You get this mail because of your Breachdesk notification settings: ${preferencesUrl}`,
  ].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(recipientName)},</p>`,
    `<p><strong>${escapeHtml(oneLine(summary))}</strong>.</p>`,
    `<p><a href="${escapeHtml(url)}">Open it in Breachdesk</a></p>`,
    `<p style="color:#666;font-size:12px">You get this mail because of your <a href="${escapeHtml(preferencesUrl)}">Breachdesk notification settings</a>.</p>`,
  ].join("\n");
  return { subject, text, html };
}
