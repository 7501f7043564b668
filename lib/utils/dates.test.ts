import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, formatDurationCompact, formatRelative } from "./dates";

describe("dates", () => {
  it("formats in UTC with the zone named", () => {
    expect(formatDateTime(new Date("2026-11-24T09:05:00Z"))).toBe("24 Nov 2026, 09:05 UTC");
  });
  it("formats relative times", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(formatRelative(new Date("2026-11-24T10:00:00Z"), now)).toBe("2 hours ago");
    expect(formatRelative(new Date("2026-11-24T11:59:40Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-11-21T12:00:00Z"), now)).toBe("3 days ago");
  });
  it("formats durations", () => {
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(125 * 60_000)).toBe("2 h 05 min");
    expect(formatDuration(76 * 3_600_000)).toBe("3 d 4 h");
  });
  it("formats durations compactly for table cells", () => {
    expect(formatDurationCompact(15 * 60_000)).toBe("15m");
    expect(formatDurationCompact(105 * 60_000)).toBe("1h 45m");
    expect(formatDurationCompact(4 * 3_600_000)).toBe("4h");
    expect(formatDurationCompact(72 * 3_600_000)).toBe("3d");
    expect(formatDurationCompact(76 * 3_600_000)).toBe("3d 4h");
    expect(formatDurationCompact(-5_000)).toBe("0m");
  });
});
