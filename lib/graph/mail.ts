import type { TenantGraph } from "./client";
import { callGraph } from "./request";

/** Sends a plain-text message from a mailbox of the tenant (Graph queues it: 202). */
export async function sendMail(g: TenantGraph, m: { from: string; to: string[]; subject: string; text: string }): Promise<{ requestId: string | null }> {
  const { requestId } = await callGraph(g, {
    op: "sendMail",
    method: "POST",
    path: `/users/${encodeURIComponent(m.from)}/sendMail`,
    body: {
      message: { subject: m.subject, body: { contentType: "text", content: m.text }, toRecipients: m.to.map((address) => ({ emailAddress: { address } })) },
      saveToSentItems: true,
    },
  });
  return { requestId };
}
