import { describe, expect, it } from "vitest";
import { generateTemporaryPassword } from "./generate-password";

describe("temporary password", () => {
  it("is long, uses every class, avoids ambiguous characters and never repeats", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword();
      expect(p).toHaveLength(20);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[2-9]/);
      expect(p).toMatch(/[!@#$%*\-_=+?]/);
      expect(p).not.toMatch(/[O0Il1]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
