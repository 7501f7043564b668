"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { requirePermission } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { ZChangeUserRoleInput, ZCreateUserInput, ZSetServedTenantsInput, ZSetUserActiveInput } from "./schemas";
import { changeUserRole, createUser, setServedTenants, setUserActive } from "./service";

export const createUserAction = actionClient
  .metadata({ name: "createUser" })
  .inputSchema(ZCreateUserInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("users.manage");
    const db = await getDb();
    const user = await withFieldErrors(() => createUser(db, viewer, parsedInput));
    revalidatePath("/admin/users");
    return user;
  });

export const setUserActiveAction = actionClient
  .metadata({ name: "setUserActive" })
  .inputSchema(ZSetUserActiveInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("users.manage");
    await setUserActive(await getDb(), viewer, parsedInput);
    revalidatePath("/admin/users");
  });

export const changeUserRoleAction = actionClient
  .metadata({ name: "changeUserRole" })
  .inputSchema(ZChangeUserRoleInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("users.manage");
    const db = await getDb();
    await withFieldErrors(() => changeUserRole(db, viewer, parsedInput));
    revalidatePath("/admin/users");
  });

export const setServedTenantsAction = actionClient
  .metadata({ name: "setServedTenants" })
  .inputSchema(ZSetServedTenantsInput)
  .action(async ({ parsedInput }) => {
    const viewer = await requirePermission("users.manage");
    const db = await getDb();
    await withFieldErrors(() => setServedTenants(db, viewer, parsedInput));
    revalidatePath("/admin/users");
  });
