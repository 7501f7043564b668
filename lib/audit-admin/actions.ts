"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { attestUnkeyedHistory, verifyAuditChainNow } from "./chain-admin";

export const verifyAuditChainAction = actionClient
  .metadata({ name: "verifyAuditChain", permission: "audit.verify" })
  .inputSchema(z.object({}))
  .action(async ({ ctx: { viewer, db } }) => {
    const run = await verifyAuditChainNow(db, viewer);
    revalidatePath("/admin/audit");
    return { status: run.status };
  });

export const attestUnkeyedHistoryAction = actionClient
  .metadata({ name: "attestUnkeyedHistory", permission: "audit.verify" })
  .inputSchema(z.object({}))
  .action(async ({ ctx: { viewer, db } }) => {
    const run = await attestUnkeyedHistory(db, viewer);
    revalidatePath("/admin/audit");
    return { status: run.status };
  });
