import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ticketAbilities } from "@/lib/auth/ticket-abilities";
import { authorizePage } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getNotificationBar } from "@/lib/notifications/queries";
import { markNotificationsRead } from "@/lib/notifications/service";
import { getTicketOrThrow } from "@/lib/tickets/queries";
import { countUpdates } from "@/lib/tickets/update-counts";
import { getStageProgress } from "@/lib/workflow/progress-query";
import { parseStage, TICKET_STAGES } from "@/lib/workflow/stages";
import { TicketHeader } from "./header/ticket-header";
import type { StageProps } from "./stage-props";
import { LegacyHash } from "./stages/legacy-hash";
import { StagePanel } from "./stages/stage-panel";
import { StageTabs } from "./stages/stage-tabs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ticket" };

type Props = { params: Promise<{ ticketId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The ticket as a workspace: the header on every stage, then the open stage (?stage=, intake by default). */
export default async function TicketPage({ params, searchParams }: Props) {
  const { ticketId } = await params;
  const query = await searchParams;
  const stage = parseStage(query.stage);
  const viewer = await authorizePage("tickets.read", `/tickets/${ticketId}`);
  const db = await getDb();
  const ticket = await getTicketOrThrow(db, viewer, ticketId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Opening the ticket is reading what one was told about it (clears "Updated" and the count);
  // the header's menu has just counted the unread ones, so with none there is nothing to write.
  const [progress, updates] = await Promise.all([
    getStageProgress(db, ticket),
    countUpdates(db, viewer, ticket.id),
    getNotificationBar(db, viewer).then(({ unread }) => (unread > 0 ? markNotificationsRead(db, viewer, { ticketId: ticket.id }) : null)),
  ]);
  const can = ticketAbilities(viewer, ticket);
  // What every stage and the header are given, resolved once here.
  const stageProps: StageProps = { db, viewer, ticket, can };
  const label = TICKET_STAGES.find((s) => s.id === stage)!.label;

  return (
    <div className="space-y-4">
      <TicketHeader {...stageProps} />
      <StageTabs ticketId={ticket.id} active={stage} progress={progress} updates={updates.comments + updates.attachments} />
      <LegacyHash ticketId={ticket.id} active={stage} />
      <div id={stage} role="region" aria-label={`Stage: ${label}`} className="scroll-mt-4">
        <StagePanel {...stageProps} stage={stage} progress={progress} allUpdates={query.updates === "all"} />
      </div>
    </div>
  );
}
