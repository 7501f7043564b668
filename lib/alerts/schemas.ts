import { z } from "zod";

export const ZAlertSuggestionsInput = z.object({ tenantId: z.uuid(), alertIds: z.array(z.uuid()).max(5_000).default([]) });
export const ZAlertModeInput = z.object({ tenantId: z.uuid(), mode: z.enum(["AUTOMATIC", "SUGGEST", "OFF"]) });
