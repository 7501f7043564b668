import Link from "next/link";

// A page of the app called notFound(): shown inside the app shell, whose <main> it fills.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 p-10 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-muted-foreground">This page or ticket does not exist, or you do not have access to it.</p>
      <Link href="/tickets" className="text-sm text-primary underline">Back to tickets</Link>
    </div>
  );
}
