import Link from "next/link";

// Rendered inside the app shell (whose <main> it fills) when a page calls notFound(), and alone
// for an unknown URL; so it brings no landmark of its own, only its heading.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 p-10 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-muted-foreground">This page or ticket does not exist, or you do not have access to it.</p>
      <Link href="/tickets" className="text-sm text-primary underline">Back to tickets</Link>
    </div>
  );
}
