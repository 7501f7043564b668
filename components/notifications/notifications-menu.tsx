"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { formatRelative } from "@/lib/utils/dates";

export type MenuNotification = { id: string; summary: string; href: string; createdAt: Date; readAt: Date | null };

/**
 * The header's notifications: a button whose text carries the unread count, a keyboard menu
 * (Radix: arrows, Enter, Escape) of the latest ones; choosing one marks it read and opens it.
 */
export function NotificationsMenu({ unread, items }: { unread: number; items: MenuNotification[] }) {
  const router = useRouter();
  const { executeAsync, isPending } = useAction(markNotificationsReadAction);
  const open = async (n: MenuNotification) => {
    if (!n.readAt) await executeAsync({ ids: [n.id] });
    router.push(n.href);
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="notifications-button">
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
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-1rem)]" aria-label="Notifications">
        {items.length === 0 && (
          <p className="px-2 py-3 text-sm text-muted-foreground">
            Nothing yet. You are told here when something happens on your incidents.
          </p>
        )}
        {items.map((n) => (
          <DropdownMenuItem key={n.id} onSelect={() => void open(n)} className="flex flex-col items-start gap-0.5">
            <span className={n.readAt ? "text-muted-foreground" : "font-medium"}>
              {!n.readAt && <span className="sr-only">Unread: </span>}
              {n.summary}
            </span>
            <span className="text-xs text-muted-foreground">{formatRelative(n.createdAt)}</span>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        {unread > 0 && (
          <DropdownMenuItem disabled={isPending} onSelect={() => void executeAsync({ all: true }).then(() => router.refresh())}>
            Mark all as read
          </DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={() => router.push("/notifications")}>All notifications and settings</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
