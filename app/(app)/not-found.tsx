import { NotFoundMessage } from "@/components/app-shell/not-found-message";

// A page of the app called notFound(): shown inside the app shell, whose <main> it fills.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 p-10 text-center">
      <NotFoundMessage />
    </div>
  );
}
