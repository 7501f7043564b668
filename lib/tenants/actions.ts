"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ZCreateTenantInput, ZStartSetupInput, ZTenantRef, ZUpdateTenantInput } from "./schemas";
import { createTenant, updateTenant } from "./service";
import { startConsent } from "./consent";
import { recheckConnection } from "./connection-check";
import { disconnectTenant } from "./disconnect";
import { startSetup } from "./setup";

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

// The tenant connection page's actions (a tenant admin on their own tenant, a platform admin on
// any). Connect and set up answer the Microsoft URL to go to; the browser navigates there.

const refresh = () => {
  revalidatePath("/tenant");
  revalidatePath("/admin/tenants", "layout");
};

export const startConsentAction = actionClient
  .metadata({ name: "startConsent" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.connect");
    return startConsent(await getDb(), viewer, parsedInput.tenantId);
  });

export const startSetupAction = actionClient
  .metadata({ name: "startSetup" })
  .inputSchema(ZStartSetupInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.connect");
    return startSetup(await getDb(), viewer, parsedInput.tenantId, { privileged: parsedInput.privileged });
  });

export const recheckConnectionAction = actionClient
  .metadata({ name: "recheckConnection" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.connect");
    const check = await recheckConnection(await getDb(), viewer, parsedInput.tenantId);
    refresh();
    return { ready: check.ready, connected: check.connected };
  });

export const disconnectTenantAction = actionClient
  .metadata({ name: "disconnectTenant" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.connect");
    const result = await disconnectTenant(await getDb(), viewer, parsedInput.tenantId);
    refresh();
    return result;
  });
