"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ZChangeUserRoleInput, ZCreateUserInput, ZSetServedTenantsInput, ZSetUserActiveInput } from "./schemas";
import { changeUserRole, createUser, setServedTenants, setUserActive } from "./service";

export const createUserAction = actionClient
  .metadata({ name: "createUser", permission: "users.manage" })
  .inputSchema(ZCreateUserInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    const user = await withFieldErrors(() => createUser(db, viewer, parsedInput));
    revalidatePath("/admin/users");
    return user;
  });

export const setUserActiveAction = actionClient
  .metadata({ name: "setUserActive", permission: "users.manage" })
  .inputSchema(ZSetUserActiveInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await setUserActive(db, viewer, parsedInput);
    revalidatePath("/admin/users");
  });

export const changeUserRoleAction = actionClient
  .metadata({ name: "changeUserRole", permission: "users.manage" })
  .inputSchema(ZChangeUserRoleInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => changeUserRole(db, viewer, parsedInput));
    revalidatePath("/admin/users");
  });

export const setServedTenantsAction = actionClient
  .metadata({ name: "setServedTenants", permission: "users.manage" })
  .inputSchema(ZSetServedTenantsInput)
  .action(async ({ parsedInput, ctx: { viewer, db } }) => {
    await withFieldErrors(() => setServedTenants(db, viewer, parsedInput));
    revalidatePath("/admin/users");
  });
