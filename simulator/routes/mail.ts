import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { InboxRule } from "../state";
import { requireUser } from "./users";

function ruleView(r: InboxRule) {
  return { id: r.id, displayName: r.displayName, sequence: r.sequence, isEnabled: r.isEnabled, hasError: false, isReadOnly: false, conditions: r.conditions, actions: r.actions, exceptions: {} };
}

function inbox(folder: string) {
  if (folder.toLowerCase() !== "inbox") throw notFound(folder);
}

function getRule(ctx: GraphContext, [id, folder, ruleId]: string[]) {
  inbox(folder!);
  const rule = requireUser(ctx.tenant, id!).rules.find((r) => r.id === decodeURIComponent(ruleId!));
  if (!rule) throw new GraphHttpError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  return rule;
}

type SendMailBody = { message?: { subject?: string; body?: { contentType?: string; content?: string }; toRecipients?: { emailAddress?: { address?: string } }[] }; saveToSentItems?: boolean };

function sendMail(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const sender = requireUser(ctx.tenant, id!);
  const message = (ctx.body as SendMailBody | null)?.message;
  const to = (message?.toRecipients ?? []).map((r) => r.emailAddress?.address).filter((a): a is string => Boolean(a));
  if (!message || to.length === 0) throw new GraphHttpError(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
  if (!message.subject) throw badRequest("The message must have a subject.");
  ctx.tenant.outbox.push({ id: ctx.requestId, from: sender.userPrincipalName, to, subject: message.subject, body: message.body?.content ?? "", at: rt.clock.iso() });
  return { status: 202 };
}

export const mailRoutes: Route[] = [
  {
    op: "listMessageRules", method: "GET", pattern: path("/users/:id/mailFolders/:folder/messageRules"),
    permissions: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    handle: (ctx, [id, folder]) => {
      inbox(folder!);
      return ok(collection(ctx, requireUser(ctx.tenant, id!).rules.map(ruleView)));
    },
  },
  {
    op: "getMessageRule", method: "GET", pattern: path("/users/:id/mailFolders/:folder/messageRules/:rule"),
    permissions: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"], handle: (ctx, params) => ok(ruleView(getRule(ctx, params))),
  },
  {
    op: "deleteMessageRule", method: "DELETE", pattern: path("/users/:id/mailFolders/:folder/messageRules/:rule"),
    permissions: ["MailboxSettings.ReadWrite"],
    handle: (ctx, params) => {
      const rule = getRule(ctx, params);
      const user = requireUser(ctx.tenant, params[0]!);
      user.rules = user.rules.filter((r) => r !== rule);
      return { status: 204 };
    },
  },
  { op: "sendMail", method: "POST", pattern: path("/users/:id/~sendMail"), permissions: ["Mail.Send"], handle: sendMail },
];
