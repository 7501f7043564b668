import { z } from "zod";
import type { AnyJobKind, JobRefs } from "./define-job";

// What pg-boss stores as a job's data: the kind's payload, and what the job is about (refs), which
// the listings and their indexes read (data->'refs'->>'ticketId').

export type Envelope = { payload: unknown; refs: JobRefs };

const ZEnvelope = z.object({
  payload: z.unknown(),
  refs: z.object({ ticketId: z.string().optional(), tenantId: z.string().optional(), group: z.string().optional() }).default({}),
});

export function envelopeOf(kind: AnyJobKind, payload: unknown): Envelope {
  const refs = kind.refs?.(payload) ?? {};
  // Drop empty refs, so "has a ticket" stays a simple key test in SQL.
  const clean = Object.fromEntries(Object.entries(refs).filter(([, v]) => typeof v === "string" && v !== "")) as JobRefs;
  return { payload, refs: clean };
}

export function parseEnvelope(data: unknown): Envelope | null {
  const result = ZEnvelope.safeParse(data);
  return result.success ? { payload: result.data.payload, refs: result.data.refs } : null;
}
