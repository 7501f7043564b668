import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { ticketAccessFor } from "@/lib/auth/ticket-access";
import type { ConsentFinding, DomainSummary, RuleFinding, SignInFinding } from "./findings";
import type { MethodFinding } from "./method-findings";

export type SnapshotFindings = {
  signIns: { homeCountry: string | null; flagged: SignInFinding[] } | null;
  inboxRules: RuleFinding[] | null;
  authMethods: MethodFinding[] | null;
  consents: ConsentFinding[] | null;
  risk: { riskLevel: string; riskState: string } | null;
  recipientDomains: DomainSummary[] | null;
  /** Sections that stopped at a limit while Graph had more: how many rows were read ("first N of more"). */
  limits?: Record<string, number>;
};

const SELECT = { id: true, takenAt: true, takenById: true, findings: true, gaps: true, requestIds: true } as const;

type Row = { id: string; takenAt: Date; findings: unknown; gaps: unknown; requestIds: string[] };

const shape = (row: Row, takenBy: string | null, isFirst: boolean) => ({
  id: row.id,
  takenAt: row.takenAt,
  takenBy,
  requestIds: row.requestIds,
  findings: row.findings as SnapshotFindings,
  gaps: (row.gaps ?? {}) as Record<string, string>,
  /** The first snapshot is the evidence before any change (the report uses it). */
  isFirst,
});

export type Snapshot = ReturnType<typeof shape>;

/** Every snapshot of the ticket, the earliest first; none is ever replaced by a later one. */
export async function listSnapshots(db: Db, viewer: Viewer, ticketId: string): Promise<Snapshot[]> {
  const rows = await db.investigationSnapshot.findMany({
    where: { ticketId, ticket: ticketAccessFor(viewer) },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    select: SELECT,
  });
  const ids = [...new Set(rows.map((r) => r.takenById).filter((id): id is string => Boolean(id)))];
  const people = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return rows.map((r, i) => shape(r, people.find((p) => p.id === r.takenById)?.name ?? null, i === 0));
}

export async function getLatestSnapshot(db: Db, viewer: Viewer, ticketId: string): Promise<Snapshot | null> {
  return (await listSnapshots(db, viewer, ticketId)).at(-1) ?? null;
}
