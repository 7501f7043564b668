import { ROLE_LABELS } from "@/lib/auth/permissions";
import { stepDef } from "@/lib/remediation/steps";
import { STATUS_LABELS } from "@/lib/tickets/format";
import { SYMPTOMS } from "@/lib/tickets/symptoms";

// One audit event as a sentence a person reads: the ticket's timeline and the report's
// appendix both use it, so they never disagree. Pure; details are read defensively because old
// rows (and new actions) may carry other shapes. Unknown actions fall back to their key in words.

export type DescribableEvent = { action: string; result: string; target: string | null; details: unknown };
/** `known` is false when the action has no description yet and its key is shown in words. */
export type EventDescription = { label: string; sentence: string; known: boolean };

type Details = Record<string, unknown>;
const str = (d: Details, k: string) => (typeof d[k] === "string" && (d[k] as string).trim() ? (d[k] as string).trim() : null);
const num = (d: Details, k: string) => (typeof d[k] === "number" ? (d[k] as number) : null);
const list = (v: unknown) =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === "string" ? x : typeof x === "object" && x && "domain" in x ? String((x as Details).domain) : String(x)))
    : [];
const status = (s: unknown) => (typeof s === "string" ? (STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s) : "?");
const stepTitle = (key: unknown) =>
  typeof key === "string" ? (stepDef(key)?.title ?? (key === "containment" ? "Containment" : key)) : "a step";
const paren = (v: string | null) => (v ? ` (${v})` : "");
const role = (r: unknown) =>
  typeof r === "string" && r in ROLE_LABELS ? ROLE_LABELS[r as keyof typeof ROLE_LABELS].toLowerCase() : String(r ?? "?").toLowerCase();
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? `${v.slice(0, 16).replace("T", " ")} UTC` : null);
const counts = (d: Details) => {
  const m = num(d, "messages") ?? num(d, "messageCount");
  const r = num(d, "recipients") ?? num(d, "recipientCount");
  return m === null && r === null
    ? null
    : [m !== null ? plural(m, "message") : null, r !== null ? plural(r, "recipient") : null].filter(Boolean).join(", ");
};
/** The evidence snapshot's sections in words (also used by the report's findings). */
export const SNAPSHOT_SECTION_WORDS: Record<string, string> = {
  signIns: "sign-ins",
  inboxRules: "inbox rules",
  authMethods: "sign-in methods",
  consents: "app consents",
  directoryAudits: "directory audits",
  risk: "risk state",
  messageTrace: "message trace",
  perUserMfa: "per-user MFA state",
};
const FIELD_WORDS: Record<string, string> = {
  title: "title",
  symptoms: "symptoms",
  symptomsNote: "reporter's notes",
  detectedAt: "detected at",
};
const symptom = (v: unknown) => (typeof v === "string" && v in SYMPTOMS ? SYMPTOMS[v as keyof typeof SYMPTOMS] : String(v));
const show = (v: unknown) =>
  Array.isArray(v) ? v.map(symptom).join(", ") : v === null || v === undefined || v === "" ? "empty" : (day(v) ?? String(v));
/** An error as recorded: our codes ("UPSTREAM_ERROR") in words, a message as it is. */
const errorOf = (d: Details) => {
  const e = str(d, "error");
  return e && /^[A-Z][A-Z0-9_]+$/.test(e) ? e.toLowerCase().replaceAll("_", " ") : e;
};

/** Names of removable items (inbox rules, sign-in methods, app consents) by the id a step acts on. */
export type ItemNames = ReadonlyMap<string, string>;

/** The item a per-item step acted on: a recorded label, else the name of the id in its params. */
function itemOf(v: unknown, names: ItemNames | undefined): string | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Details;
  const label = str(o, "item") ?? str(o, "label");
  if (label) return label;
  const p = (o.params && typeof o.params === "object" ? o.params : o) as Details;
  const id = str(p, "ruleId") ?? str(p, "methodId") ?? str(p, "grantId");
  return id ? (names?.get(id) ?? null) : null;
}
const withItem = (title: string, item: string | null) => (item ? `${title} (${item})` : title);

/** "Remove malicious inbox rules (rule “..”)" for each step a run started, from its items when recorded. */
function startedSteps(d: Details, names: ItemNames | undefined): string[] {
  if (Array.isArray(d.items) && d.items.length) {
    return d.items.map((i) => withItem(stepTitle(i && typeof i === "object" ? (i as Details).step : i), itemOf(i, names)));
  }
  const single = itemOf(d, names);
  return list(d.steps).map((k, _, all) => withItem(stepTitle(k), all.length === 1 ? single : null));
}

/** The event's own words, without the result (added by describeEvent). */
function phrase(action: string, d: Details, target: string | null, result: string, names?: ItemNames): [string, string] | null {
  const [family = "", rest = ""] = action.split(/\.(.*)/s);
  const failed = result === "FAILED";
  switch (action) {
    case "ticket.created": {
      const severity = str(d, "severity");
      return [
        "Incident reported",
        `${paren(severity && `severity ${severity.toLowerCase()}`)}${list(d.symptoms).length ? `: ${list(d.symptoms).join(", ")}` : ""}`,
      ];
    }
    case "ticket.assigned":
      return str(d, "assignee") ? ["Assigned", ` to ${str(d, "assignee")}`] : ["Unassigned", ""];
    case "ticket.status_changed": {
      const move = ` from ${status(d.from)} to ${status(d.to)}`;
      // A reopen records the engineer's reason; other moves a short note (e.g. "Picked up").
      if (d.to === "REOPENED" && str(d, "reason"))
        return ["Status changed", `${move}${paren(str(d, "note"))}: reason “${str(d, "reason")}”`];
      return ["Status changed", `${move}${paren(str(d, "note") ?? str(d, "reason"))}`];
    }
    case "ticket.outcome_updated":
      return d.revision === true ? ["Outcome revised", " after the report was returned"] : ["Outcome updated", ""];
    case "ticket.intake_edited": {
      const changes = Object.entries((d.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>);
      return [
        "Intake edited",
        changes.length ? `: ${changes.map(([f, c]) => `${FIELD_WORDS[f] ?? f} “${show(c?.from)}” → “${show(c?.to)}”`).join("; ")}` : "",
      ];
    }
    case "ticket.impact_assessed": {
      const sev = (d.severity ?? {}) as Details;
      const rated = Object.values((d.levels ?? {}) as Details).filter((l) => l !== "NONE").length;
      const parts = [
        plural(rated, "category", "categories") + " rated",
        sev.from && sev.to && sev.from !== sev.to ? `severity ${String(sev.from).toLowerCase()} → ${String(sev.to).toLowerCase()}` : null,
        d.personalDataInvolved === true ? "personal data may be involved" : null,
      ];
      return ["Business impact assessed", `: ${parts.filter(Boolean).join("; ")}`];
    }
    case "scope.primary_checked": {
      const check = str(d, "tenantCheck");
      const found =
        check === "FOUND"
          ? "found in the tenant"
          : check === "NOT_FOUND"
            ? "not found in the tenant"
            : `could not be checked${str(d, "reason") ? `: ${str(d, "reason")}` : ""}`;
      return ["Affected account checked", `: ${target ?? "?"} ${found}`];
    }
    case "scope.user_added":
      return ["Affected account added", `: ${str(d, "upn") ?? target ?? "?"}`];
    case "scope.domain_saved": {
      const to = (d.to ?? null) as Details | null;
      if (str(d, "kind") === "corrected" && to)
        return [
          "Recipient counts corrected",
          ` for ${str(d, "domain") ?? "?"}: ${counts((d.from ?? {}) as Details) ?? "?"} → ${counts(to) ?? "?"}`,
        ];
      return ["Recipient domain recorded", `: ${str(d, "domain") ?? "?"}${paren(counts(d))}`];
    }
    case "scope.domain_reverted":
      return ["Recipient counts reverted to the trace's", ` for ${str(d, "domain") ?? "?"}${paren(counts((d.to ?? {}) as Details))}`];
    case "scope.domain_removed":
      return ["Recipient domain removed", `: ${str(d, "domain") ?? "?"}`];
    case "attachment.added":
      return ["Evidence attached", `: ${str(d, "fileName") ?? "a file"}${paren(str(d, "visibility")?.toLowerCase() ?? null)}`];
    case "comment.added":
      return [str(d, "visibility") === "INTERNAL" ? "Internal note added" : "Public comment added", ""];
    case "investigation.snapshot": {
      const gaps = list(d.gaps).map((g) => SNAPSHOT_SECTION_WORDS[g] ?? g);
      return ["Evidence snapshot taken", gaps.length ? ` (could not read: ${gaps.join(", ")})` : ""];
    }
    case "remediation.started": {
      const steps = startedSteps(d, names);
      return ["Remediation started", steps.length ? `: ${steps.join(", ")}` : ""];
    }
    case "remediation.interrupted":
      return [
        "Remediation interrupted",
        `${d.cause === "shutdown" ? " by a server shutdown" : d.cause === "crash" ? " (the server stopped mid-run)" : ""}: ${list(d.steps).map(stepTitle).join(", ")}; the tenant is read back`,
      ];
    case "remediation.password-revealed":
      return [
        "Temporary password revealed",
        ` for ${target ?? "?"}${d.by === "colleague" ? ` by a colleague${str(d, "reason") ? `: “${str(d, "reason")}”` : ""}` : " to the engineer who reset it"}`,
      ];
    case "remediation.password-expired":
      return ["Temporary password erased unseen", ` for ${target ?? "?"}`];
    case "alert.attached":
      return ["Microsoft security alert attached", `: ${plural(num(d, "alerts") ?? 0, "alert")}`];
    case "alert.dismissed":
      return ["Suggested alerts dismissed", `: ${plural(num(d, "alerts") ?? 0, "alert")}`];
    case "tenant.alert_mode_set": {
      const mode = str(d, "mode");
      return [
        "Alert handling changed",
        mode === "AUTOMATIC"
          ? ": open tickets automatically"
          : mode === "SUGGEST"
            ? ": suggest tickets to engineers"
            : mode === "OFF"
              ? ": alerts not read"
              : "",
      ];
    }
    case "campaign.containment_started":
      return [
        "Campaign containment started",
        `: ${plural(num(d, "accounts") ?? 0, "account")}, ${plural(num(d, "steps") ?? 0, "step")} queued`,
      ];
    case "campaign.failed_retried":
      return [
        "Failed campaign steps retried",
        `: ${plural(num(d, "steps") ?? 0, "step")} of ${plural(num(d, "accounts") ?? 0, "account")}`,
      ];
    case "campaign.accounts_added":
      return [
        "Accounts added to the campaign",
        `: ${plural(num(d, "added") ?? 0, "account")}${str(d, "source") ? ` (${str(d, "source")!.toLowerCase()})` : ""}`,
      ];
    case "campaign.stopped":
      return ["Campaign containment stopped", `: ${plural(num(d, "steps") ?? 0, "queued step")} cancelled`];
    case "tenant.advisory-allow-list":
      return ["Advisory recipients changed", `: ${list(d.after).join(", ") || "only each advisory's own domain"}`];
    case "approval.requested":
      return ["Approval requested", ` for “${stepTitle(d.step)}”${paren(itemOf(d, names))}${str(d, "why") ? `: ${str(d, "why")}` : ""}`];
    case "approval.approved":
      return ["Approval granted", ` for “${stepTitle(d.step)}”${paren(itemOf(d, names))}`];
    case "approval.rejected":
      return [
        "Approval refused",
        ` for “${stepTitle(d.step)}”${paren(itemOf(d, names))}${str(d, "reason") ? `: ${str(d, "reason")}` : ""}`,
      ];
    case "message-trace.run": {
      const window = (d.window ?? {}) as Details;
      const span = day(window.start) && day(window.end) ? `, ${day(window.start)} to ${day(window.end)}` : "";
      if (failed) return ["Message trace failed", `${paren(errorOf(d))}`];
      const domains = Array.isArray(d.domains) ? d.domains.length : null;
      return [
        "Message trace run",
        `: ${plural(num(d, "messages") ?? 0, "message")}${domains !== null ? ` to ${plural(domains, "domain")}` : ""}${span}`,
      ];
    }
    case "advisory.drafted":
      return ["Advisories drafted", ` for ${list(d.domains).join(", ") || target || "?"}`];
    case "advisory.redrafted":
      return ["Advisory redrafted", ` for ${target ?? "?"} from the latest trace`];
    case "advisory.edited":
      return ["Advisory edited", ` for ${target ?? "?"}${list(d.toAddresses).length ? ` (to ${list(d.toAddresses).join(", ")})` : ""}`];
    case "advisory.send-attempted":
      return [
        "Advisory send started",
        ` for ${target ?? "?"}${list(d.toAddresses).length ? ` to ${list(d.toAddresses).join(", ")}` : ""}${d.afterUnknown ? " (again, after an unknown outcome)" : ""}`,
      ];
    case "advisory.sent": {
      const to = list(d.toAddresses).length ? ` to ${list(d.toAddresses).join(", ")}` : "";
      // A blip or a crash mid-send: nobody knows whether it went out.
      if (result === "UNKNOWN")
        return [
          "Advisory send outcome unknown",
          ` for ${target ?? "?"}${d.interrupted ? " (the send was interrupted)" : paren(errorOf(d))}`,
        ];
      if (failed) return ["Advisory not sent", ` for ${target ?? "?"}${paren(errorOf(d))}`];
      return str(d, "via") === "copy"
        ? ["Advisory sent", ` for ${target ?? "?"}${to} (copied by the engineer)`]
        : ["Advisory sent", ` for ${target ?? "?"}${to} through Graph${str(d, "from") ? ` from ${str(d, "from")}` : ""}`];
    }
    case "advisory.acknowledged":
      return ["Advisory acknowledged", ` by the admins of ${target ?? "?"}`];
    case "preventive.recommended":
      return ["Preventive measures proposed", `: ${plural(list(d.titles).length, "measure")} from the standard recommendations`];
    case "preventive.added":
      return ["Preventive measure added", `: ${target ?? "?"}${str(d, "owner") ? `, owner ${str(d, "owner")}` : ""}`];
    case "preventive.updated": {
      const move =
        str(d, "from") && str(d, "status") && d.from !== d.status
          ? `: ${str(d, "from")!.toLowerCase().replace("_", " ")} → ${str(d, "status")!.toLowerCase().replace("_", " ")}`
          : "";
      return ["Preventive measure updated", ` “${target ?? "?"}”${move}${str(d, "owner") ? `, owner ${str(d, "owner")}` : ""}`];
    }
    case "mfa-coverage.checked": {
      if (failed) return ["MFA coverage check failed", paren(errorOf(d))];
      const total = num(d, "totalUsers");
      return [
        "MFA coverage checked",
        total === null
          ? ""
          : `: ${num(d, "mfaRegistered") ?? "?"} of ${plural(total, "user")} registered, ${plural(num(d, "adminsWithoutMfa") ?? 0, "admin")} without MFA`,
      ];
    }
    case "report.approved":
      return ["Report approved", ` (version ${num(d, "version") ?? "?"})`];
    case "report.returned":
      return ["Report returned", ` (version ${num(d, "version") ?? "?"})${str(d, "comments") ? `: “${str(d, "comments")}”` : ""}`];
    case "report.resubmitted":
      return ["Report resubmitted", ` (version ${num(d, "version") ?? "?"} in review)`];
    case "auth.sign_in":
      return [failed ? "Sign-in failed" : "Signed in", target ? ` as ${target}` : ""];
    case "auth.sign_out":
      return ["Signed out", target ? ` (${target})` : ""];
    case "auth.entra_linked":
      return ["Entra ID sign-in linked", target ? ` to ${target}` : ""];
    case "user.role_changed":
      return ["Role changed", ` for ${target ?? "?"}: ${role(d.from)} → ${role(d.to)}`];
    case "user.created":
      return ["User created", `: ${target ?? "?"}${paren(d.role ? role(d.role) : null)}`];
    case "user.tenants_changed":
      return [
        "Tenants served changed",
        ` for ${target ?? "?"}: ${typeof d.serves === "string" ? d.serves : list(d.serves).join(", ") || "none"}`,
      ];
    case "user.deactivated":
      return ["User deactivated", `: ${target ?? "?"}`];
    case "user.reactivated":
      return ["User reactivated", `: ${target ?? "?"}`];
    case "tenant.created":
      return ["Tenant connection added", `: ${target ?? "?"}`];
    case "tenant.updated":
      return ["Tenant connection updated", `: ${target ?? "?"}${list(d.changed).length ? ` (${list(d.changed).join(", ")})` : ""}`];
    case "tenant.consent_started":
      return ["Connect Microsoft 365 started", target ? ` for ${target}` : ""];
    case "tenant.consented":
      return ["Microsoft 365 connected by admin consent", str(d, "entraTenantId") ? ` (Entra tenant ${str(d, "entraTenantId")})` : ""];
    case "tenant.consent_failed":
      return ["Admin consent not given", str(d, "error") ? `: Microsoft answered ${str(d, "error")}` : ""];
    case "tenant.consent_refused":
      return [
        "Admin consent refused by Breachdesk",
        str(d, "entraTenantId") ? `: Entra tenant ${str(d, "entraTenantId")} belongs elsewhere` : "",
      ];
    case "tenant.setup_started":
      return ["Connection setup started", list(d.roles).length ? ` (${list(d.roles).join(", ")})` : ""];
    case "tenant.setup":
      return [
        failed ? "Connection setup incomplete" : "Connection set up",
        list(d.steps).length ? ` (${plural(list(d.steps).length, "step")})` : "",
      ];
    case "tenant.setup_failed":
      return ["Connection setup failed", str(d, "code") ? ` (${str(d, "code")})` : ""];
    case "tenant.disconnected":
      return ["Microsoft 365 disconnected", target ? `: ${target}` : ""];
  }
  if (family === "remediation") {
    const verified = d.verified;
    const observed = str(d, "observed");
    // Graph is eventually consistent: an accepted write is "verifying", then verified or "not confirmed yet" (lib/remediation/verify-loop.ts).
    const verification = str(d, "verification");
    const outcome =
      result === "UNKNOWN" && verification !== "verifying"
        ? "outcome unknown"
        : failed
          ? `failed${errorOf(d) ? `: ${errorOf(d)}` : ""}`
          : verification === "verifying"
            ? `${result === "UNKNOWN" ? "no answer from Graph" : "accepted by Graph"}; verifying${observed ? ` (${observed})` : ""}`
            : verification === "unconfirmed"
              ? `accepted by Graph, not confirmed yet${observed ? `: ${observed}` : ""}; re-checked automatically`
              : verified === false
                ? `not verified${observed ? `: ${observed}` : ""}`
                : `done${verified === true && observed ? `; verified: ${observed}` : ""}`;
    return [withItem(stepTitle(rest), itemOf(d, names)), `: ${outcome}`];
  }
  if (family === "checklist")
    return [stepTitle(str(d, "step")), ` marked ${rest.replaceAll("_", " ")}${str(d, "note") ? ` (${str(d, "note")})` : ""}`];
  return null;
}

const RESULT_WORDS: Record<string, string> = { FAILED: "failed", DENIED: "denied", UNKNOWN: "outcome unknown" };
/** Actions whose phrase already says how it went. */
const SAYS_RESULT =
  /^(remediation\.|message-trace\.run$|advisory\.sent$|mfa-coverage\.checked$|auth\.sign_in$|scope\.primary_checked$|tenant\.(consent_failed|consent_refused|setup|setup_failed)$)/;

/** `names` turns the ids a remediation records into the rule, method or app the engineer saw. */
export function describeEvent(e: DescribableEvent, names?: ItemNames): EventDescription {
  const d = (e.details && typeof e.details === "object" && !Array.isArray(e.details) ? e.details : {}) as Details;
  const described = phrase(e.action, d, e.target, e.result, names);
  const words = e.action.replace(/[._-]/g, " ").trim();
  const [label, tail] = described ?? [words.charAt(0).toUpperCase() + words.slice(1), e.target ? `: ${e.target}` : ""];
  const result = RESULT_WORDS[e.result] && !(described && SAYS_RESULT.test(e.action)) ? ` — ${RESULT_WORDS[e.result]}` : "";
  return { label, sentence: `${label}${tail}${result}`, known: described !== null };
}
