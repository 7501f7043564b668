"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ZDecideApprovalInput } from "@/lib/remediation/schemas";
import { decideCampaignApproval } from "./approval-decision";
import { revealCampaignPasswords } from "./passwords";
import { ZAddCampaignAccountsInput, ZCampaignTicketInput, ZRevealCampaignPasswordsInput, ZStartCampaignInput } from "./schemas";
import { addCampaignAccounts, addScopeAccounts, retryFailedCampaignSteps, startCampaignContainment, stopCampaign } from "./service";

const path = (ticketId: string) => `/tickets/${ticketId}`;

export const addCampaignAccountsAction = actionClient
  .metadata({ name: "addCampaignAccounts", permission: "remediation.run" })
  .inputSchema(ZAddCampaignAccountsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => addCampaignAccounts(db, viewer, parsedInput));
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const addScopeAccountsAction = actionClient
  .metadata({ name: "addScopeAccounts", permission: "remediation.run" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await addScopeAccounts(db, viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const startCampaignAction = actionClient
  .metadata({ name: "startCampaign", permission: "remediation.run" })
  .inputSchema(ZStartCampaignInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await startCampaignContainment(db, viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const retryFailedCampaignAction = actionClient
  .metadata({ name: "retryFailedCampaign", permission: "remediation.run" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await retryFailedCampaignSteps(db, viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const stopCampaignAction = actionClient
  .metadata({ name: "stopCampaign", permission: "remediation.run" })
  .inputSchema(ZCampaignTicketInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await stopCampaign(db, viewer, parsedInput);
    revalidatePath(path(parsedInput.ticketId));
    return result;
  });

export const decideCampaignApprovalAction = actionClient
  .metadata({ name: "decideCampaignApproval", permission: "remediation.approve" })
  .inputSchema(ZDecideApprovalInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => decideCampaignApproval(db, viewer, parsedInput));
    revalidatePath("/tickets", "layout");
    return result;
  });

export const revealCampaignPasswordsAction = actionClient
  .metadata({ name: "revealCampaignPasswords", permission: "remediation.run" })
  .inputSchema(ZRevealCampaignPasswordsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const passwords = await withFieldErrors(() => revealCampaignPasswords(db, viewer, parsedInput));
    revalidatePath(path(parsedInput.ticketId));
    return { passwords };
  });
