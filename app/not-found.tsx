import { NotFoundMessage } from "@/components/app-shell/not-found-message";

// An unknown URL, outside the app shell: this page brings its own <main> landmark.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3 p-10 text-center">
      <NotFoundMessage />
    </main>
  );
}
