import { z } from "zod";
import { Role } from "@/generated/prisma/enums";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCreateUserInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
    name: z.string().trim().min(1, "Enter the person's name.").max(120),
    role: z.enum(Role, { error: "Choose a role." }),
    tenantId: z.preprocess(blankToUndefined, z.uuid().optional()),
    password: z
      .string()
      .min(12, "Use at least 12 characters.")
      .max(200)
      .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p), "Mix upper and lower case letters and digits."),
  })
  .refine((v) => v.role !== "TENANT_ADMIN" || Boolean(v.tenantId), { path: ["tenantId"], message: "A tenant admin needs a tenant." });

export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZSetUserActiveInput = z.object({ userId: z.uuid(), isActive: z.boolean() });

export const ZChangeUserRoleInput = z
  .object({ userId: z.uuid(), role: z.enum(Role), tenantId: z.preprocess(blankToUndefined, z.uuid().optional()) })
  .refine((v) => v.role !== "TENANT_ADMIN" || Boolean(v.tenantId), { path: ["tenantId"], message: "A tenant admin needs a tenant." });
