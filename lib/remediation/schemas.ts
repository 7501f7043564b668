import { z } from "zod";

/** The client makes the key when the engineer opens the confirmation; a double submit reuses it. */
export const ZIdempotencyKey = z.string().min(8).max(100).regex(/^[\w-]+$/);

export const ZRunContainmentInput = z.object({ ticketId: z.uuid(), idempotencyKey: ZIdempotencyKey });
