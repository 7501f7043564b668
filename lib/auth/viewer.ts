import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { buildAuthOptions } from "./options";
import { hasPermission, type Permission } from "./permissions";
import { isSessionTooOld } from "./session-age";
import { sessionLimitsOf } from "./session-rules";
import { readSessionToken } from "./session-token";
import { checkUserSession } from "./user-sessions";

export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  /** Engineers: every tenant's tickets, else only those of the tenants assigned (TenantEngineer). */
  servesAllTenants: boolean;
};

let authOptions: ReturnType<typeof buildAuthOptions> | undefined;
export function getAuthOptions() {
  authOptions ??= buildAuthOptions();
  return authOptions;
}

/**
 * The signed-in user. Every request checks the token's server-side session and its user in one
 * query (lib/auth/user-sessions.ts): a signed-out, idle, revoked or deactivated session, or one
 * whose role changed, is refused at once. A session older than SESSION_MAX_AGE_HOURS since
 * sign-in is refused however often it was used.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await readSessionToken();
  if (!token?.uid || isSessionTooOld(token.signedInAt, getEnv().SESSION_MAX_AGE_HOURS)) return null;
  const check = await checkUserSession(await getDb(), token, sessionLimitsOf(getEnv()), { touch: true });
  const user = check.user;
  if (!user) return null;
  if (user.role === "TENANT_ADMIN" && !user.tenantId) return null;
  return user;
});

/** The one authorization check: the viewer, if signed in and holding the permission. */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (!hasPermission(viewer.role, permission)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do that.");
  }
  return viewer;
}

/** requirePermission for pages: no session → sign-in page; no permission → 404. */
export async function authorizePage(permission: Permission, returnTo?: string): Promise<Viewer> {
  try {
    return await requirePermission(permission);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
    }
    if (isAppError(error) && error.code === "FORBIDDEN") notFound();
    throw error;
  }
}
