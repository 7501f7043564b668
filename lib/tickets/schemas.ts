import { z } from "zod";
import {
  dateInRange,
  EARLIEST_DATE,
  hasUnstorableText,
  PG_INT_MAX,
  safeText,
  UNSTORABLE_TEXT_MESSAGE,
  ZVersion,
} from "@/lib/validation/fields";
import { Severity, TicketStatus } from "@/generated/prisma/enums";
import { SYMPTOM_KEYS, type Symptom } from "./symptoms";
import { isInTenantDomain } from "./tenant-domain";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Clock skew allowed between the reporter's browser and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The intake form's fields as sent. Every field falls back to empty instead of failing, so the
 * checks below always run together and one submit reports every problem (zod skips an object's
 * refinements once a field has failed, which made the errors arrive in rounds).
 */
export const ZCreateTicketForm = z.object({
  affectedUpn: z.string().catch(""),
  title: z.string().catch(""),
  symptoms: z.array(z.string()).catch([]),
  symptomsNote: z.string().catch(""),
  detectedAt: z.union([z.string(), z.date()]).catch(""),
  severity: z.string().catch(""),
  /** Only platform admins file for a tenant other than their own. */
  tenantId: z.string().optional().catch(undefined),
  /** The reporter saw the open incidents for this account and files a new one anyway. */
  fileAnyway: z.boolean().catch(false),
});

/** Missing fields count as empty (the checks say what is missing). */
export type TCreateTicketForm = Partial<z.input<typeof ZCreateTicketForm>>;

/** An example sign-in name in the tenant's own domain, for hints and errors. */
export function exampleUpn(primaryDomain?: string): string {
  return `name@${primaryDomain || "your-domain.com"}`;
}

const SEVERITIES = Object.values(Severity) as string[];
const SYMPTOM_SET = new Set<string>(SYMPTOM_KEYS);
const UUID = z.uuid();
const EMAIL = z.email().max(320);

/**
 * Every intake check in one pass. With the tenant's primary domain, the account is also checked
 * against it (the form's other errors come back in the same answer).
 */
export function intakeSchema(tenant: { primaryDomain?: string } = {}) {
  const example = exampleUpn(tenant.primaryDomain);
  return ZCreateTicketForm.transform((v, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const affectedUpn = v.affectedUpn.trim().toLowerCase();
    if (!affectedUpn) issue("affectedUpn", `Enter the affected account, e.g. ${example}.`);
    else if (!EMAIL.safeParse(affectedUpn).success) issue("affectedUpn", `Enter the account's sign-in name (UPN), e.g. ${example}.`);
    else if (tenant.primaryDomain && !isInTenantDomain(affectedUpn, tenant.primaryDomain)) {
      issue("affectedUpn", `The account must be in your tenant's domain (${tenant.primaryDomain}).`);
    }
    const title = v.title.trim();
    if (title.length > 200) issue("title", "Keep the title under 200 characters.");
    else if (hasUnstorableText(title)) issue("title", UNSTORABLE_TEXT_MESSAGE);
    const symptomsNote = v.symptomsNote.trim();
    if (symptomsNote.length > 4000) issue("symptomsNote", "Keep the description under 4,000 characters.");
    else if (hasUnstorableText(symptomsNote)) issue("symptomsNote", UNSTORABLE_TEXT_MESSAGE);
    const symptoms = [...new Set(v.symptoms)];
    if (symptoms.some((s) => !SYMPTOM_SET.has(s))) issue("symptoms", "Tick only the observations listed.");
    else if (symptoms.length === 0 && !symptomsNote) issue("symptoms", "Tick at least one thing you observed, or describe it below.");
    const detectedAt = v.detectedAt === "" ? null : new Date(v.detectedAt);
    if (!detectedAt || Number.isNaN(detectedAt.getTime())) issue("detectedAt", "Enter when the problem was detected.");
    else if (detectedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) issue("detectedAt", "The detection time cannot be in the future.");
    else if (detectedAt.getTime() < EARLIEST_DATE.getTime()) issue("detectedAt", "Enter a realistic detection time.");
    if (!SEVERITIES.includes(v.severity)) issue("severity", "Choose a severity.");
    const tenantId = v.tenantId?.trim() || undefined;
    if (tenantId && !UUID.safeParse(tenantId).success) issue("tenantId", "Choose the tenant this incident belongs to.");
    if (ctx.issues.length > 0) return z.NEVER;
    return {
      affectedUpn,
      title: title || undefined,
      symptoms: symptoms as Symptom[],
      symptomsNote: symptomsNote || undefined,
      detectedAt: detectedAt!,
      severity: v.severity as Severity,
      tenantId,
      fileAnyway: v.fileAnyway,
    };
  });
}

/** The intake checks without a tenant (the domain is checked once the tenant is known). */
export const ZCreateTicketInput = intakeSchema();

export type TCreateTicketInput = z.input<typeof ZCreateTicketInput>;
export type TCreateTicket = z.output<typeof ZCreateTicketInput>;

export const ZAddCommentInput = z.object({
  ticketId: z.uuid(),
  body: safeText(10_000, "Keep comments under 10,000 characters.", { min: 1, required: "Write a comment first." }),
  visibility: z.enum(["PUBLIC", "INTERNAL"]),
});

export type TAddCommentInput = z.input<typeof ZAddCommentInput>;

export const QUEUE_PAGE_SIZE = 50;

/** The queue's filters, read from the URL's search params. Unknown values are dropped, not errors. */
export const ZTicketListQuery = z.object({
  status: z.enum(TicketStatus).optional().catch(undefined),
  severity: z.enum(Severity).optional().catch(undefined),
  tenantId: z.uuid().optional().catch(undefined),
  assignee: z
    .union([z.literal("me"), z.literal("unassigned"), z.uuid()])
    .optional()
    .catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  /** A saved view of the queue (QUEUE_VIEWS), combined with the filters. */
  view: z.enum(["mine", "unassigned", "sla", "returned"]).optional().catch(undefined),
  /** Keyset cursor: show tickets numbered below this one. */
  before: z.coerce.number().int().positive().max(PG_INT_MAX).optional().catch(undefined),
});

export type TTicketListQuery = z.output<typeof ZTicketListQuery>;

export const ZUpdateIntakeInput = z.object({
  ticketId: z.uuid(),
  version: ZVersion,
  title: safeText(200, "Keep the title under 200 characters.", { min: 1, required: "Enter a title." }),
  symptoms: z.array(z.enum(SYMPTOM_KEYS)).max(SYMPTOM_KEYS.length),
  symptomsNote: safeText(4000, "Keep the description under 4,000 characters."),
  detectedAt: dateInRange(0, {
    invalid: "Enter when the problem was detected.",
    tooEarly: "Enter a realistic detection time.",
    tooLate: "The detection time cannot be in the future.",
  }),
});
