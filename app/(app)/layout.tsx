import Link from "next/link";
import { redirect } from "next/navigation";
import { MainNav } from "@/components/app-shell/main-nav";
import { navItemsFor } from "@/components/app-shell/nav-items";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { NotificationsMenu } from "@/components/notifications/notifications-menu";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { countReviewsWaiting, getNotificationBar } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

// The shell only; every page checks its own permission (layouts are not an auth boundary).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  const db = await getDb();
  const [{ unread, items: latest }, reviews] = await Promise.all([getNotificationBar(db, viewer), countReviewsWaiting(db, viewer)]);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {/* On a phone: the name and sign-out beside the brand, the navigation wrapping on its own row. */}
      <header className="border-b bg-background">
        <div className="mx-auto flex min-h-14 max-w-[90rem] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 md:flex-nowrap">
          <Link href="/tickets" className="shrink-0 font-semibold tracking-tight">
            Breachdesk
          </Link>
          <MainNav items={navItemsFor(viewer.role, { "/reviews": reviews })} className="order-last w-full md:order-none md:w-auto" />
          <div className="ml-auto flex min-w-0 items-center gap-2 text-sm sm:gap-3">
            <span
              className="min-w-0 truncate text-muted-foreground"
              data-testid="viewer"
              title={`${viewer.name} · ${ROLE_LABELS[viewer.role]}`}
            >
              {viewer.name}
              <span className="hidden md:inline"> · {ROLE_LABELS[viewer.role]}</span>
            </span>
            <NotificationsMenu unread={unread} items={latest} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-[90rem] px-4 py-4 sm:py-6">
        {children}
      </main>
    </div>
  );
}
