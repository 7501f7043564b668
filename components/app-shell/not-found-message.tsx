import Link from "next/link";

/** What a missing page or a ticket the viewer may not see says: the same words, so neither leaks which. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-muted-foreground">This page or ticket does not exist, or you do not have access to it.</p>
      <Link href="/tickets" className="text-sm text-primary underline">
        Back to tickets
      </Link>
    </>
  );
}
