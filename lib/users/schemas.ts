import { z } from "zod";
import { safeText } from "@/lib/validation/fields";
import { Role } from "@/generated/prisma/enums";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Which tenants a support engineer serves (docs/design-basis.md, Roles): all of them, or those chosen.
const servedFields = {
  servesAllTenants: z.boolean().default(false),
  servedTenantIds: z.array(z.uuid()).max(500).default([]),
};
const servesSomeTenant = (v: { servesAllTenants: boolean; servedTenantIds: string[] }) =>
  v.servesAllTenants || v.servedTenantIds.length > 0;
const SERVES_NOTHING = { path: ["servedTenantIds"], message: "Choose the tenants this engineer serves, or all tenants." };

export const ZCreateUserInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
    name: safeText(120, "Use at most 120 characters.", { min: 1, required: "Enter the person's name." }),
    role: z.enum(Role, { error: "Choose a role." }),
    tenantId: z.preprocess(blankToUndefined, z.uuid().optional()),
    password: z
      .string()
      .min(12, "Use at least 12 characters.")
      .max(200)
      .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p), "Mix upper and lower case letters and digits."),
    ...servedFields,
  })
  .refine((v) => v.role !== "TENANT_ADMIN" || Boolean(v.tenantId), { path: ["tenantId"], message: "A tenant admin needs a tenant." })
  .refine((v) => v.role !== "ENGINEER" || servesSomeTenant(v), SERVES_NOTHING);

export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZSetUserActiveInput = z.object({ userId: z.uuid(), isActive: z.boolean() });

export const ZChangeUserRoleInput = z
  .object({ userId: z.uuid(), role: z.enum(Role), tenantId: z.preprocess(blankToUndefined, z.uuid().optional()) })
  .refine((v) => v.role !== "TENANT_ADMIN" || Boolean(v.tenantId), { path: ["tenantId"], message: "A tenant admin needs a tenant." });

export const ZSetServedTenantsInput = z.object({ userId: z.uuid(), ...servedFields }).refine(servesSomeTenant, SERVES_NOTHING);
