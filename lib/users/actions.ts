"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { signOutCurrentSession } from "@/lib/auth/sign-out";
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

/** The header's Sign out: revokes the session and drops its cookie, then to the sign-in page. */
export const signOutAction = actionClient.metadata({ name: "signOut", permission: "session.end" }).action(async ({ ctx: { db } }) => {
  await signOutCurrentSession(db);
  redirect("/login");
});
