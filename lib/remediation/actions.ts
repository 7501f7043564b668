"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { runContainment } from "./containment";
import { recordManualStep } from "./manual-step";
import { runStep } from "./run-step";
import { decideApproval } from "./approvals";
import { verifyTicketSteps } from "./recheck";
import {
  ZDecideApprovalInput,
  ZRecordManualStepInput,
  ZRevealPasswordInput,
  ZRunContainmentInput,
  ZRunStepInput,
  ZVerifyStepsInput,
} from "./schemas";
import { revealTemporaryPassword } from "./temporary-password";

export const runContainmentAction = actionClient
  .metadata({ name: "runContainment", permission: "remediation.run" })
  .inputSchema(ZRunContainmentInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    // One read, then the page shows "Verifying…" and continues with verifyStepsAction (truthful while it reads).
    const result = await runContainment(db, viewer, parsedInput, { verifyForMs: 0 });
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const runStepAction = actionClient
  .metadata({ name: "runStep", permission: "remediation.run" })
  .inputSchema(ZRunStepInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withFieldErrors(() => runStep(db, viewer, parsedInput, { verifyForMs: 0 }));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

/** After a run ("settle") or from the "Check again" button ("check"): re-reads what is not yet confirmed. */
export const verifyStepsAction = actionClient
  .metadata({ name: "verifySteps", permission: "remediation.run" })
  .inputSchema(ZVerifyStepsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await verifyTicketSteps(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const recordManualStepAction = actionClient
  .metadata({ name: "recordManualStep", permission: "tickets.work" })
  .inputSchema(ZRecordManualStepInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await recordManualStep(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const decideApprovalAction = actionClient
  .metadata({ name: "decideApproval", permission: "remediation.approve" })
  .inputSchema(ZDecideApprovalInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => decideApproval(db, viewer, parsedInput));
    revalidatePath("/tickets", "layout");
  });

export const revealTemporaryPasswordAction = actionClient
  .metadata({ name: "revealTemporaryPassword", permission: "remediation.run" })
  .inputSchema(ZRevealPasswordInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const shown = await withFieldErrors(() => revealTemporaryPassword(db, viewer, parsedInput));
    revalidatePath("/tickets", "layout");
    return shown;
  });
