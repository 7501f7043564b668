import { badRequest, GraphHttpError, notFound, ok, type GraphContext } from "../http";
import { readLagged, recordWrite } from "../lag";
import { collection } from "../odata";
import { path, type Route, type SimRuntime } from "../route";
import type { InboxRule, SimUser, TenantState } from "../state";
import { requireUser } from "./users";

// Inbox rules (messagerule.md): a rule Graph cannot model is listed isReadOnly with empty
// conditions and actions, and "cannot be modified or deleted by the rules REST API" — the docs
// name no status for trying; we answer 400 ErrorInvalidRequest. moveToFolder is a folder id
// (messageruleactions.md), so the folder's name takes a GET of the folder.

function ruleView(r: InboxRule) {
  return {
    id: r.id,
    displayName: r.displayName,
    sequence: r.sequence,
    isEnabled: r.isEnabled,
    hasError: false,
    isReadOnly: Boolean(r.isReadOnly),
    conditions: r.conditions,
    actions: r.actions,
    exceptions: {},
  };
}

function inbox(folder: string) {
  if (folder.toLowerCase() !== "inbox") throw notFound(folder);
}

/** The rules as reads see them (read-after-write lag). */
const visibleRules = (rt: SimRuntime, t: TenantState, u: SimUser): InboxRule[] => readLagged(rt, t, "rules", u.id, u.rules);

function getRule(ctx: GraphContext, [id, folder, ruleId]: string[], rules: (u: SimUser) => InboxRule[]) {
  inbox(folder!);
  const rule = rules(requireUser(ctx.tenant, id!)).find((r) => r.id === decodeURIComponent(ruleId!));
  if (!rule) throw new GraphHttpError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  return rule;
}

const WELL_KNOWN: Record<string, string> = { inbox: "Inbox", archive: "Archive", deleteditems: "Deleted Items", junkemail: "Junk Email" };

function getFolder(ctx: GraphContext, [id, folder]: string[]) {
  const u = requireUser(ctx.tenant, id!);
  const key = decodeURIComponent(folder!);
  const found = u.folders.find((f) => f.id === key || f.displayName === WELL_KNOWN[key.toLowerCase()]);
  if (!found) throw new GraphHttpError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  return ok({
    "@odata.context": `${ctx.origin}/${ctx.version}/$metadata#users('${u.id}')/mailFolders/$entity`,
    id: found.id,
    displayName: found.displayName,
    parentFolderId: null,
    childFolderCount: 0,
    unreadItemCount: 0,
    totalItemCount: 0,
    isHidden: false,
  });
}

type SendMailBody = {
  message?: {
    subject?: string;
    body?: { contentType?: string; content?: string };
    toRecipients?: { emailAddress?: { address?: string } }[];
  };
  saveToSentItems?: boolean;
};

/**
 * Exchange RBAC for Applications (or a legacy application access policy) can scope Mail.Send to
 * some mailboxes; outside the scope Graph answers 403 ErrorAccessDenied, as it does without the
 * permission — reported text: "Access to OData is disabled: [RAOP] : Blocked by tenant configured
 * AppOnly AccessPolicy settings." (New-ApplicationAccessPolicy docs; docs/design-basis.md, Graph facts).
 */
function assertInMailScope(t: TenantState, sender: SimUser) {
  if (t.mailSendScope === null) return;
  const scope = t.mailSendScope.map((a) => a.toLowerCase());
  if (scope.includes(sender.userPrincipalName.toLowerCase()) || scope.includes(sender.mail.toLowerCase())) return;
  throw new GraphHttpError(
    403,
    "ErrorAccessDenied",
    "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.",
  );
}

function sendMail(ctx: GraphContext, [id]: string[], rt: SimRuntime) {
  const sender = requireUser(ctx.tenant, id!);
  assertInMailScope(ctx.tenant, sender);
  const message = (ctx.body as SendMailBody | null)?.message;
  const to = (message?.toRecipients ?? []).map((r) => r.emailAddress?.address).filter((a): a is string => Boolean(a));
  if (!message || to.length === 0) throw new GraphHttpError(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
  if (!message.subject) throw badRequest("The message must have a subject.");
  ctx.tenant.outbox.push({
    id: ctx.requestId,
    from: sender.userPrincipalName,
    to,
    subject: message.subject,
    body: message.body?.content ?? "",
    at: rt.clock.iso(),
  });
  return { status: 202 };
}

export const mailRoutes: Route[] = [
  {
    op: "listMessageRules",
    method: "GET",
    pattern: path("/users/:id/mailFolders/:folder/messageRules"),
    permissions: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    deniedCode: "ErrorAccessDenied",
    handle: (ctx, [id, folder], rt) => {
      inbox(folder!);
      return ok(collection(ctx, visibleRules(rt, ctx.tenant, requireUser(ctx.tenant, id!)).map(ruleView)));
    },
  },
  {
    op: "getMessageRule",
    method: "GET",
    pattern: path("/users/:id/mailFolders/:folder/messageRules/:rule"),
    deniedCode: "ErrorAccessDenied",
    permissions: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    handle: (ctx, params, rt) => ok(ruleView(getRule(ctx, params, (u) => visibleRules(rt, ctx.tenant, u)))),
  },
  {
    op: "deleteMessageRule",
    method: "DELETE",
    pattern: path("/users/:id/mailFolders/:folder/messageRules/:rule"),
    deniedCode: "ErrorAccessDenied",
    permissions: ["MailboxSettings.ReadWrite"],
    handle: (ctx, params, rt) => {
      const user = requireUser(ctx.tenant, params[0]!);
      const rule = getRule(ctx, params, (u) => u.rules);
      if (rule.isReadOnly)
        throw new GraphHttpError(
          400,
          "ErrorInvalidRequest",
          "The rule is read-only and cannot be modified or deleted through the REST API.",
        );
      recordWrite(rt, ctx.tenant, "rules", user.id, user.rules);
      user.rules = user.rules.filter((r) => r !== rule);
      return { status: 204 };
    },
  },
  {
    // mailfolder-get: Mail.ReadBasic.All is the least-privileged application permission we know of for it.
    op: "getMailFolder",
    method: "GET",
    pattern: path("/users/:id/mailFolders/:folder"),
    deniedCode: "ErrorAccessDenied",
    permissions: ["Mail.ReadBasic.All", "Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"],
    handle: getFolder,
  },
  {
    op: "sendMail",
    method: "POST",
    pattern: path("/users/:id/~sendMail"),
    permissions: ["Mail.Send"],
    deniedCode: "ErrorAccessDenied",
    handle: sendMail,
  },
];
