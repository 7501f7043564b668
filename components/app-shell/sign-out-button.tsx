"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/users/actions";

/** Signs out through a server action (lib/auth/sign-out.ts); a session already gone just goes to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const { execute, isPending } = useAction(signOutAction, { onError: () => router.push("/login") });
  return (
    <Button variant="ghost" size="sm" disabled={isPending} onClick={() => execute()}>
      Sign out
    </Button>
  );
}
