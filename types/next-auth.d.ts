import type { Role } from "@/generated/prisma/enums";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; role?: Role; name?: string | null; email?: string | null; image?: string | null };
    /** Sign-in time (seconds since the epoch), for the hard session limit (lib/auth/session-age.ts). */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    tenantId?: string | null;
    /** Set once at sign-in, never renewed (lib/auth/session-age.ts). */
    signedInAt?: number;
    /** The UserSession row this token belongs to (lib/auth/user-sessions.ts). */
    sid?: string;
  }
}
