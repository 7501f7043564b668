import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { buildAuthOptions } from "./options";
import { hasPermission, type Permission } from "./permissions";
import { isSessionTooOld } from "./session-age";

export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
};

let authOptions: ReturnType<typeof buildAuthOptions> | undefined;
export function getAuthOptions() {
  authOptions ??= buildAuthOptions();
  return authOptions;
}

/**
 * The signed-in user, re-read from the database on every request: a deactivated user, or one
 * whose role changed since the token was issued, is signed out at once instead of at expiry.
 * A session older than SESSION_MAX_AGE_HOURS since sign-in is refused however often it was renewed.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id || isSessionTooOld(session.signedInAt, getEnv().SESSION_MAX_AGE_HOURS)) return null;
  const db = await getDb();
  const user = await db.user.findFirst({
    where: { id, isActive: true },
    select: { id: true, email: true, name: true, role: true, tenantId: true },
  });
  if (!user || user.role !== session.user?.role) return null;
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
