import { cn } from "@/lib/utils/cn";

// The wrapper scrolls a wide table sideways on its own. It is `relative` so that absolutely
// positioned content (screen-reader-only labels) is contained too and cannot widen the page.
export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto rounded-md border">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/60", className)} {...props} />;
}
export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}
export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b hover:bg-muted/40", className)} {...props} />;
}
export function TableHead({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th scope="col" className={cn("h-9 px-3 text-left align-middle text-xs font-medium text-muted-foreground", className)} {...props} />
  );
}
export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-middle", className)} {...props} />;
}
/**
 * Above the table, left-aligned (a centred caption under a wide table reads as a footnote). Its
 * text stays in view while a wide table scrolls sideways on a small screen. Pass "sr-only" when a
 * heading beside the table already says what it is.
 */
export function TableCaption({ className, children, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption className={cn("caption-top text-left text-xs text-muted-foreground", className)} {...props}>
      <span className="sticky left-0 block max-w-[calc(100vw-3rem)] px-3 py-2">{children}</span>
    </caption>
  );
}
