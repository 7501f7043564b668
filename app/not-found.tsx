import Link from "next/link";

// An unknown URL, outside the app shell: this page brings its own <main> landmark.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3 p-10 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-muted-foreground">This page or ticket does not exist, or you do not have access to it.</p>
      <Link href="/tickets" className="text-sm text-primary underline">Back to tickets</Link>
    </main>
  );
}
