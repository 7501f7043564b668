import Link from "next/link";
import { redirect } from "next/navigation";
import { MainNav } from "@/components/app-shell/main-nav";
import { navItemsFor } from "@/components/app-shell/nav-items";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

// The shell only; every page checks its own permission (layouts are not an auth boundary).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b bg-background">
        <div className="mx-auto flex h-14 max-w-[90rem] items-center gap-6 px-4">
          <Link href="/tickets" className="font-semibold tracking-tight">
            Breachdesk
          </Link>
          <MainNav items={navItemsFor(viewer.role)} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-muted-foreground" data-testid="viewer">
              {viewer.name} · {ROLE_LABELS[viewer.role]}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-[90rem] px-4 py-6">
        {children}
      </main>
    </div>
  );
}
