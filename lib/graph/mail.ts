import { AppError, isAppError } from "@/lib/errors";
import type { TenantGraph } from "./client";
import { grantedPermissions } from "./preflight";
import { callGraph } from "./request";

/**
 * Sends a plain-text message from a mailbox of the tenant. Graph queues it (202, user-sendmail.md:
 * not yet delivered), so it is never re-sent automatically (operations.ts: idempotent false).
 */
export async function sendMail(
  g: TenantGraph,
  m: { from: string; to: string[]; subject: string; text: string },
): Promise<{ requestId: string | null }> {
  try {
    const { requestId } = await callGraph(g, {
      op: "sendMail",
      method: "POST",
      path: `/users/${encodeURIComponent(m.from)}/sendMail`,
      body: {
        message: {
          subject: m.subject,
          body: { contentType: "text", content: m.text },
          toRecipients: m.to.map((address) => ({ emailAddress: { address } })),
        },
        saveToSentItems: true,
      },
    });
    return { requestId };
  } catch (error) {
    throw await explainMailRefusal(g, m.from, error);
  }
}

/**
 * Exchange answers the same 403 ErrorAccessDenied whether Mail.Send is missing or Exchange scopes
 * the app away from this mailbox (RBAC for Applications, or a legacy application access policy:
 * learn.microsoft.com/powershell/module/exchange/new-applicationaccesspolicy). The token's roles
 * tell them apart: with Mail.Send granted, it is the mailbox scope.
 */
async function explainMailRefusal(g: TenantGraph, from: string, error: unknown): Promise<unknown> {
  if (!isAppError(error) || error.details?.graphStatus !== 403) return error;
  const granted = await grantedPermissions(g).catch(() => [] as string[]);
  if (!granted.includes("Mail.Send")) return error;
  const ref = error.details.requestId ? ` (Graph request ${String(error.details.requestId)})` : "";
  return new AppError(
    "UPSTREAM_ERROR",
    `Exchange Online refused to send as ${from}: the app holds Mail.Send, but the tenant's Exchange RBAC for Applications (or an application access policy) does not let it use this mailbox. Add ${from} to the app's management scope in Exchange Online (or to its access policy group), or choose a service mailbox inside the scope${ref}.`,
    { ...error.details, mailboxScope: true },
  );
}
