"use client";

import { Button } from "@/components/ui/button";

// Unexpected errors: no stack traces or upstream messages reach the browser (Next strips them
// in production); the digest lets support find the server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md space-y-3 p-10 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted-foreground">The error was logged{error.digest ? ` (reference ${error.digest})` : ""}. Try again.</p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
