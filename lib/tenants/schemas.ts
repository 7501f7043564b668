import { z } from "zod";
import { hasUnstorableText, safeText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/fields";
import { ConnectionKind, ConnectionMode } from "@/generated/prisma/enums";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// A DNS name: labels of letters, digits and hyphens, and a letters-only top-level label.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
  SIMULATED: "Tenant simulator",
  ENTRA: "Microsoft Entra ID",
};

export const CONNECTION_MODE_LABELS: Record<ConnectionMode, string> = {
  DEPLOYMENT_APP: "Breachdesk's app (admin consent)",
  OWN_APP: "The tenant's own app registration",
};

const ZTenantFields = z.object({
  displayName: safeText(120, "Use at most 120 characters.", { min: 1, required: "Enter the tenant's name." }),
  /** Learned from admin consent with Breachdesk's app; required with an own app registration. */
  entraTenantId: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().pipe(z.guid("Enter the tenant id as a GUID, e.g. 2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01.")).optional(),
  ),
  connectionMode: z.enum(ConnectionMode, { error: "Choose which app Breachdesk uses." }).default("OWN_APP"),
  primaryDomain: z.string().trim().toLowerCase().regex(DOMAIN, "Enter a domain name such as contoso.com."),
  connectionKind: z.enum(ConnectionKind, { error: "Choose how Breachdesk connects." }),
  clientId: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().pipe(z.guid("Enter the app's client id as a GUID.")).optional()),
  /** Write-only: never sent back to the browser. Blank keeps the stored secret (on edit). */
  clientSecret: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(1000, "That secret is too long.")
      .refine((v) => !hasUnstorableText(v), UNSTORABLE_TEXT_MESSAGE)
      .optional(),
  ),
  serviceMailbox: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().pipe(z.email("Enter the mailbox's address, e.g. security@contoso.com.").max(320)).optional(),
  ),
  requireApproval: z.boolean().default(false),
});

const needsClientIdForSecret = (v: { clientId?: string; clientSecret?: string }) => !v.clientSecret || Boolean(v.clientId);
const CLIENT_ID_FOR_SECRET = { path: ["clientId"], message: "Add the app's client id for this secret." };
/** An own app registration is reached in a tenant Breachdesk must be told; Breachdesk's app learns it from consent. */
const needsTenantIdForOwnApp = (v: { connectionMode: ConnectionMode; entraTenantId?: string }) =>
  v.connectionMode !== "OWN_APP" || Boolean(v.entraTenantId);
const TENANT_ID_FOR_OWN_APP = {
  path: ["entraTenantId"],
  message: "Enter the tenant id: an own app registration needs it (Breachdesk's app learns it from consent).",
};

/** Graph (and the tenant simulator, like Entra ID) accepts the app only with its client secret. */
export const SECRET_REQUIRED_MESSAGE = "Enter the app's client secret: Breachdesk cannot connect to the tenant without it.";

export const ZCreateTenantInput = ZTenantFields.refine(needsClientIdForSecret, CLIENT_ID_FOR_SECRET)
  .refine(needsTenantIdForOwnApp, TENANT_ID_FOR_OWN_APP)
  .refine((v) => v.connectionMode !== "OWN_APP" || Boolean(v.clientSecret), { path: ["clientSecret"], message: SECRET_REQUIRED_MESSAGE });
export type TCreateTenantInput = z.output<typeof ZCreateTenantInput>;

export const ZUpdateTenantInput = ZTenantFields.extend({ tenantId: z.uuid() })
  .refine(needsClientIdForSecret, CLIENT_ID_FOR_SECRET)
  .refine(needsTenantIdForOwnApp, TENANT_ID_FOR_OWN_APP);

/** Tenant pages' actions: which tenant (a tenant admin's own, or any for a platform admin). */
export const ZTenantRef = z.object({ tenantId: z.uuid() });
export const ZStartSetupInput = ZTenantRef.extend({ privileged: z.boolean().default(false) });
export type TUpdateTenantInput = z.output<typeof ZUpdateTenantInput>;
