import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getMailEnv } from "@/lib/env";
import { getNotificationPreferences, listNotifications } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/utils/dates";
import { MarkAllReadButton } from "./mark-all-read-button";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const viewer = await authorizePage("notifications.read", "/notifications");
  const db = await getDb();
  const [items, prefs] = await Promise.all([listNotifications(db, viewer, { take: 100 }), getNotificationPreferences(db, viewer)]);
  const mailMode = getMailEnv().mode;
  return (
    <div className="max-w-3xl space-y-8">
      <section aria-labelledby="list-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h1 id="list-heading" className="text-xl font-semibold">
            Notifications
          </h1>
          {items.some((n) => !n.readAt) && <MarkAllReadButton />}
        </div>
        {items.length === 0 ? (
          <EmptyState title="Nothing yet" description="You are told here when something happens on the incidents you work with." />
        ) : (
          <ul className="divide-y rounded-md border">
            {items.map((n) => (
              <li key={n.id} className="flex items-baseline justify-between gap-3 px-3 py-2 text-sm">
                <Link href={n.href} className={n.readAt ? "text-muted-foreground hover:underline" : "font-medium hover:underline"}>
                  {!n.readAt && <span className="sr-only">Unread: </span>}
                  {n.summary}
                </Link>
                <time className="shrink-0 text-xs text-muted-foreground" dateTime={n.createdAt.toISOString()}>
                  {formatDateTime(n.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Section id="prefs-heading" title="What you are told about" headingClassName="text-lg font-semibold">
        <p className="text-sm text-muted-foreground">
          {mailMode === "smtp"
            ? `Mail goes to ${viewer.email}.`
            : mailMode === "store"
              ? "This demo sends no mail: a platform admin sees what would have gone out on Outgoing mail."
              : "This deployment sends no mail (no SMTP server is configured): notifications appear here only."}
        </p>
        <PreferencesForm prefs={prefs} />
      </Section>
    </div>
  );
}
