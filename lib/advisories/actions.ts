"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import {
  ZAcknowledgeAdvisoryInput,
  ZAdvisoryAllowListInput,
  ZDraftAdvisoriesInput,
  ZMarkAdvisorySentInput,
  ZRedraftAdvisoryInput,
  ZSendAdvisoryInput,
  ZUpdateAdvisoryInput,
} from "./schemas";
import { sendAdvisory } from "./send";
import { acknowledgeAdvisory, draftTicketAdvisories, markAdvisorySent, redraftAdvisory, updateAdvisory, updateAdvisoryAllowList } from "./service";

export const draftAdvisoriesAction = actionClient
  .metadata({ name: "draftAdvisories" })
  .inputSchema(ZDraftAdvisoriesInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await draftTicketAdvisories(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const redraftAdvisoryAction = actionClient
  .metadata({ name: "redraftAdvisory" })
  .inputSchema(ZRedraftAdvisoryInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await redraftAdvisory(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const updateAdvisoryAction = actionClient
  .metadata({ name: "updateAdvisory" })
  .inputSchema(ZUpdateAdvisoryInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const result = await withFieldErrors(() => updateAdvisory(db, viewer, parsedInput));
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const sendAdvisoryAction = actionClient
  .metadata({ name: "sendAdvisory" })
  .inputSchema(ZSendAdvisoryInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const db = await getDb();
    const result = await withFieldErrors(() => sendAdvisory(db, viewer, parsedInput));
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const markAdvisorySentAction = actionClient
  .metadata({ name: "markAdvisorySent" })
  .inputSchema(ZMarkAdvisorySentInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await markAdvisorySent(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const acknowledgeAdvisoryAction = actionClient
  .metadata({ name: "acknowledgeAdvisory" })
  .inputSchema(ZAcknowledgeAdvisoryInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await acknowledgeAdvisory(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const updateAdvisoryAllowListAction = actionClient
  .metadata({ name: "updateAdvisoryAllowList" })
  .inputSchema(ZAdvisoryAllowListInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tenants.connect");
    const db = await getDb();
    const result = await withFieldErrors(() => updateAdvisoryAllowList(db, viewer, parsedInput));
    revalidatePath("/tenants", "layout");
    return result;
  });
