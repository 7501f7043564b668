"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { actionClient } from "@/lib/actions/client";
import { getLogger } from "@/lib/logger";
import { verifyPrimaryAccount } from "@/lib/scope/service";
import { withIntakeFieldErrors } from "./field-errors";
import { fileTicket } from "./file-ticket";
import { ZIntakeForm } from "./schemas";

export const createTicketAction = actionClient
  .metadata({ name: "createTicket", permission: "tickets.create" })
  // The form's raw fields: fileTicket runs every check at once, the tenant's domain among them.
  .inputSchema(ZIntakeForm)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const result = await withIntakeFieldErrors(() => fileTicket(db, viewer, parsedInput));
    if (result.status === "filed") {
      // After the response: the reporter never waits for Graph, and a Graph outage never blocks filing.
      after(() =>
        verifyPrimaryAccount(db, result.id).catch((err: unknown) =>
          getLogger().warn({ err, ticketId: result.id }, "primary account check failed"),
        ),
      );
      revalidatePath("/tickets");
    }
    return result;
  });
