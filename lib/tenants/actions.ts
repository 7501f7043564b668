"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { getEnv } from "@/lib/env";
import { ZCreateTenantInput, ZStartSetupInput, ZTenantRef, ZUpdateTenantInput } from "./schemas";
import { createTenant, updateTenant } from "./service";
import { startConsent } from "./consent";
import { recheckConnection } from "./connection-check";
import { disconnectTenant } from "./disconnect";
import { startSetup } from "./setup";

export const createTenantAction = actionClient
  .metadata({ name: "createTenant", permission: "tenants.manage" })
  .inputSchema(ZCreateTenantInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const tenant = await withFieldErrors(() => createTenant(db, viewer, parsedInput, getEnv().BREACHDESK_ENCRYPTION_KEY));
    revalidatePath("/admin/tenants", "layout");
    return tenant;
  });

export const updateTenantAction = actionClient
  .metadata({ name: "updateTenant", permission: "tenants.manage" })
  .inputSchema(ZUpdateTenantInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
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
  .metadata({ name: "startConsent", permission: "tenants.connect" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    return startConsent(db, viewer, parsedInput.tenantId);
  });

export const startSetupAction = actionClient
  .metadata({ name: "startSetup", permission: "tenants.connect" })
  .inputSchema(ZStartSetupInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    return startSetup(db, viewer, parsedInput.tenantId, { privileged: parsedInput.privileged });
  });

export const recheckConnectionAction = actionClient
  .metadata({ name: "recheckConnection", permission: "tenants.connect" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const check = await recheckConnection(db, viewer, parsedInput.tenantId);
    refresh();
    return { ready: check.ready, connected: check.connected };
  });

export const disconnectTenantAction = actionClient
  .metadata({ name: "disconnectTenant", permission: "tenants.connect" })
  .inputSchema(ZTenantRef)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await disconnectTenant(db, viewer, parsedInput.tenantId);
    refresh();
    return result;
  });
