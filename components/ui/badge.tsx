import { cn } from "@/lib/utils/cn";

// Colour supports the text; the text alone always carries the status. The styles live in
// app/globals.css (.badge, .badge-<variant>): badges repeat on every row of the queue.
export type BadgeVariant = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge({ className, variant = "neutral", ...props }: React.ComponentProps<"span"> & { variant?: BadgeVariant | null }) {
  return <span className={cn("badge", `badge-${variant ?? "neutral"}`, className)} {...props} />;
}
