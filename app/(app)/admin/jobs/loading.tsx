import { Skeleton } from "@/components/ui/skeleton";

export default function LoadingJobs() {
  return (
    <div className="space-y-5" role="status" aria-live="polite">
      <h1 className="text-xl font-semibold">Jobs</h1>
      <span className="sr-only">Loading jobs…</span>
      <Skeleton className="h-9 w-96" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
