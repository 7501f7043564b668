"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZAddCampaignAccountsInput, ZCampaignTicketInput, ZStartCampaignInput } from "./schemas";
import { addCampaignAccounts, addScopeAccounts, retryFailedCampaignSteps, startCampaignContainment, stopCampaign } from "./service";

const path = (ticketId: string) => `/tickets/${ticketId}`;

export const addCampaignAccountsAction = actionClient
  .metadata({ name: "addCampaignAccounts" })
  .inputSchema(ZAddCampaignAccountsInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await withFieldErrors(async () => addCampaignAccounts(await getDb(), viewer, parsedInput));
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const addScopeAccountsAction = actionClient
  .metadata({ name: "addScopeAccounts" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await addScopeAccounts(await getDb(), viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const startCampaignAction = actionClient
  .metadata({ name: "startCampaign" })
  .inputSchema(ZStartCampaignInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await startCampaignContainment(await getDb(), viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const retryFailedCampaignAction = actionClient
  .metadata({ name: "retryFailedCampaign" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await retryFailedCampaignSteps(await getDb(), viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const stopCampaignAction = actionClient
  .metadata({ name: "stopCampaign" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await stopCampaign(await getDb(), viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });
