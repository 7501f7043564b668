"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

export function MainNav({ items, className }: { items: { href: string; label: string; count?: number }[]; className?: string }) {
  const pathname = usePathname();
  // The longest matching prefix is the current page ("/tickets/new" beats "/tickets").
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className={cn("flex min-w-0 flex-wrap items-center gap-1", className)}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className={cn(
            "whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground sm:px-3 sm:py-1.5",
            item.href === current && "bg-muted text-foreground",
          )}
        >
          {item.label}
          {item.count ? (
            <>
              {" "}
              <span className="ml-1 rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground">{item.count}</span>
            </>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
