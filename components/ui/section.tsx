import { cn } from "@/lib/utils/cn";

/** A region of a page named by its own heading (a landmark screen-reader users can jump to). */
export function Section({
  id,
  title,
  className,
  headingClassName,
  children,
}: {
  id: string;
  title: React.ReactNode;
  className?: string;
  headingClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("space-y-3", className)}>
      <h2 id={id} className={cn("text-base font-semibold", headingClassName)}>
        {title}
      </h2>
      {children}
    </section>
  );
}
