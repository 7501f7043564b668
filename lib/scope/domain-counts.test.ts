import { describe, expect, it } from "vitest";
import { effectiveCounts, planTraceRefresh } from "./domain-counts";

const row = (domain: string, over: Partial<Parameters<typeof planTraceRefresh>[0][number]> = {}) => ({
  id: `id-${domain}`,
  domain,
  source: "TRACE",
  traceMessageCount: 10,
  traceRecipientCount: 5,
  manualMessageCount: null,
  manualRecipientCount: null,
  ...over,
});

describe("recipient domain counts", () => {
  it("shows the engineer's count over the trace's, each column on its own", () => {
    expect(
      effectiveCounts({ traceMessageCount: 420, traceRecipientCount: 419, manualMessageCount: 430, manualRecipientCount: null }),
    ).toEqual({ messageCount: 430, recipientCount: 419 });
    expect(
      effectiveCounts({ traceMessageCount: null, traceRecipientCount: null, manualMessageCount: null, manualRecipientCount: null }),
    ).toEqual({ messageCount: 0, recipientCount: 0 });
  });

  it("refreshes trace counts without touching the engineer's", () => {
    const plan = planTraceRefresh(
      [row("gmail.com", { manualMessageCount: 500, manualRecipientCount: 480 })],
      [{ domain: "gmail.com", isInternal: false, messageCount: 420, recipientCount: 419 }],
    );
    expect(plan.update).toEqual([
      {
        id: "id-gmail.com",
        data: { isInternal: false, traceMessageCount: 420, traceRecipientCount: 419, messageCount: 500, recipientCount: 480 },
      },
    ]);
    expect(plan.create).toEqual([]);
  });

  it("adds new domains; of the ones no longer found, removes only untouched trace rows", () => {
    const stored = [
      row("old.com"),
      row("typed.com", {
        source: "MANUAL",
        traceMessageCount: null,
        traceRecipientCount: null,
        manualMessageCount: 3,
        manualRecipientCount: 3,
      }),
      row("fixed.com", { manualMessageCount: 7 }),
    ];
    const summary = [
      { domain: "new.com", isInternal: false, messageCount: 2, recipientCount: 1, unsettledCount: 1, byStatus: { pending: 1 } },
    ];
    const plan = planTraceRefresh(stored, summary);
    expect(plan.create).toEqual([
      { domain: "new.com", isInternal: false, messageCount: 2, recipientCount: 1, traceMessageCount: 2, traceRecipientCount: 1 },
    ]);
    expect(plan.remove).toEqual(["id-old.com"]);
    // typed.com had no trace counts: nothing to change. fixed.com keeps the engineer's 7.
    expect(plan.update).toEqual([
      { id: "id-fixed.com", data: { traceMessageCount: null, traceRecipientCount: null, messageCount: 7, recipientCount: 0 } },
    ]);
  });
});
