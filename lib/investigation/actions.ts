"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { takeSnapshot } from "./snapshot";

export const takeSnapshotAction = actionClient
  .metadata({ name: "takeSnapshot", permission: "remediation.run" })
  .inputSchema(z.object({ ticketId: z.uuid() }))
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const snapshot = await takeSnapshot(db, viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { id: snapshot.id, gaps: Object.keys(snapshot.gaps) };
  });
