"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { formatRelative } from "@/lib/utils/dates";

export type MenuNotification = { id: string; summary: string; href: string; createdAt: Date; readAt: Date | null };

/**
 * The header's notifications: a button whose text carries the unread count, disclosing a short
 * list of links to the latest ones (a plain disclosure, not a menu widget: it ships on every page,
 * so it does without a popover library). Escape or a click elsewhere closes it, focus back on the
 * button; following one marks it read.
 */
export function NotificationsMenu({ unread, items }: { unread: number; items: MenuNotification[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { execute, executeAsync, isPending } = useAction(markNotificationsReadAction);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", closeOutside);
    return () => document.removeEventListener("mousedown", closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div ref={root} className="relative" onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <Button
        ref={button}
        variant="ghost"
        size="sm"
        data-testid="notifications-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        Notifications{" "}
        <span
          className={
            unread
              ? "ml-1 rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground"
              : "ml-1 text-xs text-muted-foreground"
          }
        >
          {unread}
        </span>
        <span className="sr-only"> unread</span>
      </Button>
      <nav
        id={panelId}
        aria-label="Notifications"
        hidden={!open}
        className="absolute right-0 z-50 mt-1 w-80 max-w-[calc(100vw-1rem)] rounded-md border bg-background p-1 text-sm shadow-md"
      >
        {items.length === 0 ? (
          <p className="px-2 py-3 text-muted-foreground">Nothing yet. You are told here when something happens on your incidents.</p>
        ) : (
          <ul>
            {items.map((n) => (
              <li key={n.id}>
                <Link
                  href={n.href}
                  onClick={() => {
                    setOpen(false);
                    if (!n.readAt) execute({ ids: [n.id] });
                  }}
                  className="flex flex-col gap-0.5 rounded-sm px-2 py-1.5 hover:bg-muted focus-visible:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className={n.readAt ? "text-muted-foreground" : "font-medium"}>
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    {n.summary}
                  </span>
                  <span className="text-xs text-muted-foreground">{formatRelative(n.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-2 border-t px-2 pt-1.5">
          {unread > 0 && (
            <Button
              variant="ghost"
              size="sm"
              disabled={isPending}
              onClick={() => void executeAsync({ all: true }).then(() => router.refresh())}
            >
              Mark all as read
            </Button>
          )}
          <Link href="/notifications" onClick={() => setOpen(false)} className="text-primary underline-offset-2 hover:underline">
            All notifications and settings
          </Link>
        </div>
      </nav>
    </div>
  );
}
