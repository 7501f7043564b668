"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ZCreateTenantInput, ZUpdateTenantInput } from "./schemas";
import { createTenant, updateTenant } from "./service";

export const createTenantAction = actionClient
  .metadata({ name: "createTenant" })
  .inputSchema(ZCreateTenantInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.manage");
    const db = await getDb();
    const tenant = await withFieldErrors(() => createTenant(db, viewer, parsedInput, getEnv().BREACHDESK_ENCRYPTION_KEY));
    revalidatePath("/admin/tenants", "layout");
    return tenant;
  });

export const updateTenantAction = actionClient
  .metadata({ name: "updateTenant" })
  .inputSchema(ZUpdateTenantInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.manage");
    const db = await getDb();
    const result = await withFieldErrors(() => updateTenant(db, viewer, parsedInput, getEnv().BREACHDESK_ENCRYPTION_KEY));
    revalidatePath("/admin/tenants", "layout");
    return result;
  });
