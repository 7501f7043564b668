import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./callback-url";

const APP = "https://breachdesk.example.com";

describe("callback URL after sign-in", () => {
  it("keeps a page of the app, with its query and hash", () => {
    expect(safeCallbackUrl("/tickets/abc?stage=contain#steps", APP)).toBe("/tickets/abc?stage=contain#steps");
    expect(safeCallbackUrl("https://breachdesk.example.com/admin/users", APP)).toBe("/admin/users");
    expect(safeCallbackUrl("/tickets?q=a%20b", APP)).toBe("/tickets?q=a%20b");
  });
  it.each([
    ["backslash", "/\\evil.example"],
    ["backslash after the slashes", "\\\\evil.example"],
    ["tab (decoded %09)", "/\t/evil.example"],
    ["newline (decoded %0a)", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["space", "/ /evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["zero-width space", "/\u200b/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["dot segment to a protocol-relative path", "/.//evil.example"],
    ["parent segment to a protocol-relative path", "/..//evil.example"],
    ["another origin", "https://evil.example/tickets"],
    ["same host, other scheme", "http://breachdesk.example.com/tickets"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["empty", ""],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackUrl(value, APP)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
  it("falls back when nothing (or no valid app origin) is given", () => {
    expect(safeCallbackUrl(undefined, APP)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackUrl("/tickets", "not a url")).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
