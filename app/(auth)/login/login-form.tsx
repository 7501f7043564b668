"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";

type Props = { callbackUrl: string; isEntraEnabled: boolean; initialError?: string; notice?: string };

export function LoginForm({ callbackUrl, isEntraEnabled, initialError, notice }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [shownNotice, setShownNotice] = useState(notice);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    setShownNotice(undefined);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <Card>
      <CardContent className="space-y-4 pt-6">
        <form onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
          {shownNotice && !error && <Alert id="login-notice">{shownNotice}</Alert>}
          {error && (
            <Alert variant="destructive" id="login-error">
              {error}
            </Alert>
          )}
          <div className="space-y-1.5">
            <Label htmlFor="email">Email</Label>
            <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="password">Password</Label>
            <Input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <Button type="submit" className="w-full" disabled={isPending}>
            {isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
        {isEntraEnabled && (
          <>
            <Separator />
            <Button type="button" variant="outline" className="w-full" onClick={() => signIn("azure-ad", { callbackUrl })}>
              Sign in with Microsoft
            </Button>
          </>
        )}
      </CardContent>
    </Card>
  );
}
