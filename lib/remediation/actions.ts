"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { runContainment } from "./containment";
import { recordManualStep } from "./manual-step";
import { runStep } from "./run-step";
import { decideApproval } from "./approvals";
import { verifyTicketSteps } from "./recheck";
import { ZDecideApprovalInput, ZRecordManualStepInput, ZRevealPasswordInput, ZRunContainmentInput, ZRunStepInput, ZVerifyStepsInput } from "./schemas";
import { revealTemporaryPassword } from "./temporary-password";

export const runContainmentAction = actionClient
  .metadata({ name: "runContainment" })
  .inputSchema(ZRunContainmentInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    // One read, then the page shows "Verifying…" and continues with verifyStepsAction (truthful while it reads).
    const result = await runContainment(await getDb(), viewer, parsedInput, { verifyForMs: 0 });
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const runStepAction = actionClient
  .metadata({ name: "runStep" })
  .inputSchema(ZRunStepInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const db = await getDb();
    const result = await withFieldErrors(() => runStep(db, viewer, parsedInput, { verifyForMs: 0 }));
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

/** After a run ("settle") or from the "Check again" button ("check"): re-reads what is not yet confirmed. */
export const verifyStepsAction = actionClient
  .metadata({ name: "verifySteps" })
  .inputSchema(ZVerifyStepsInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const result = await verifyTicketSteps(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const recordManualStepAction = actionClient
  .metadata({ name: "recordManualStep" })
  .inputSchema(ZRecordManualStepInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("tickets.work");
    const result = await recordManualStep(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return result;
  });

export const decideApprovalAction = actionClient
  .metadata({ name: "decideApproval" })
  .inputSchema(ZDecideApprovalInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.approve");
    const db = await getDb();
    await withFieldErrors(() => decideApproval(db, viewer, parsedInput));
    revalidatePath("/tickets", "layout");
  });

export const revealTemporaryPasswordAction = actionClient
  .metadata({ name: "revealTemporaryPassword" })
  .inputSchema(ZRevealPasswordInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const db = await getDb();
    const shown = await withFieldErrors(() => revealTemporaryPassword(db, viewer, parsedInput));
    revalidatePath("/tickets", "layout");
    return shown;
  });
