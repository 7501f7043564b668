import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const a = encryptSecret("contoso-demo-secret", key);
    expect(a).not.toContain("contoso-demo-secret");
    expect(a).not.toBe(encryptSecret("contoso-demo-secret", key));
    expect(decryptSecret(a, key)).toBe("contoso-demo-secret");
  });
  it("detects tampering and a wrong key", () => {
    const sealed = encryptSecret("s3cret", key);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("xxxxxx").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
  });
});
