"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { attestUnkeyedHistory, verifyAuditChainNow } from "./chain-admin";

export const verifyAuditChainAction = actionClient
  .metadata({ name: "verifyAuditChain" })
  .inputSchema(z.object({}))
  .action(async () => {
    const viewer = await requirePermission("audit.verify");
    const run = await verifyAuditChainNow(await getDb(), viewer);
    revalidatePath("/admin/audit");
    return { status: run.status };
  });

export const attestUnkeyedHistoryAction = actionClient
  .metadata({ name: "attestUnkeyedHistory" })
  .inputSchema(z.object({}))
  .action(async () => {
    const viewer = await requirePermission("audit.verify");
    const run = await attestUnkeyedHistory(await getDb(), viewer);
    revalidatePath("/admin/audit");
    return { status: run.status };
  });
