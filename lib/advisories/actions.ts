"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
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
import {
  acknowledgeAdvisory,
  draftTicketAdvisories,
  markAdvisorySent,
  redraftAdvisory,
  updateAdvisory,
  updateAdvisoryAllowList,
} from "./service";

export const draftAdvisoriesAction = actionClient
  .metadata({ name: "draftAdvisories", permission: "tickets.work" })
  .inputSchema(ZDraftAdvisoriesInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await draftTicketAdvisories(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const redraftAdvisoryAction = actionClient
  .metadata({ name: "redraftAdvisory", permission: "tickets.work" })
  .inputSchema(ZRedraftAdvisoryInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await redraftAdvisory(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const updateAdvisoryAction = actionClient
  .metadata({ name: "updateAdvisory", permission: "tickets.work" })
  .inputSchema(ZUpdateAdvisoryInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => updateAdvisory(db, viewer, parsedInput));
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const sendAdvisoryAction = actionClient
  .metadata({ name: "sendAdvisory", permission: "tickets.work" })
  .inputSchema(ZSendAdvisoryInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => sendAdvisory(db, viewer, parsedInput));
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const markAdvisorySentAction = actionClient
  .metadata({ name: "markAdvisorySent", permission: "tickets.work" })
  .inputSchema(ZMarkAdvisorySentInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await markAdvisorySent(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const acknowledgeAdvisoryAction = actionClient
  .metadata({ name: "acknowledgeAdvisory", permission: "tickets.work" })
  .inputSchema(ZAcknowledgeAdvisoryInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await acknowledgeAdvisory(db, viewer, parsedInput);
    revalidatePath(`/tickets/${result.ticketId}`);
    return result;
  });

export const updateAdvisoryAllowListAction = actionClient
  .metadata({ name: "updateAdvisoryAllowList", permission: "tenants.connect" })
  .inputSchema(ZAdvisoryAllowListInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => updateAdvisoryAllowList(db, viewer, parsedInput));
    revalidatePath("/tenants", "layout");
    return result;
  });
