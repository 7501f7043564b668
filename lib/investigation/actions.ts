"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { takeSnapshot } from "./snapshot";

export const takeSnapshotAction = actionClient
  .metadata({ name: "takeSnapshot" })
  .inputSchema(z.object({ ticketId: z.uuid() }))
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("remediation.run");
    const snapshot = await takeSnapshot(await getDb(), viewer, parsedInput);
    revalidatePath(`/tickets/${parsedInput.ticketId}`);
    return { id: snapshot.id, gaps: Object.keys(snapshot.gaps) };
  });
