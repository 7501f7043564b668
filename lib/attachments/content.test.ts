import { describe, expect, it } from "vitest";
import { checkContent, isText } from "./content";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const MSG = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const bytes = (s: string) => new TextEncoder().encode(s);
const HTML = bytes("<!doctype html><script>alert(document.cookie)</script>");

describe("attachment content check", () => {
  it("accepts files that start with their format's signature", () => {
    expect(checkContent("png", PNG)).toBeNull();
    expect(checkContent("jpg", JPG)).toBeNull();
    expect(checkContent("jpeg", JPG)).toBeNull();
    expect(checkContent("msg", MSG)).toBeNull();
    expect(checkContent("pdf", bytes("%PDF-1.7\n%âãÏÓ"))).toBeNull();
    expect(checkContent("pdf", Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes("%PDF-1.4")]))).toBeNull();
  });
  it("refuses an HTML page (or anything else) named as a binary type", () => {
    for (const ext of ["png", "jpg", "pdf", "msg"]) expect(checkContent(ext, HTML)).toMatch(new RegExp(`not a real \\.${ext} file`));
    expect(checkContent("png", JPG)).not.toBeNull();
    expect(checkContent("png", PNG.slice(0, 4))).not.toBeNull();
  });
  it("accepts text as text: UTF-8, UTF-16 with a BOM, and 8-bit mail", () => {
    expect(checkContent("txt", bytes("Sign-in from 203.0.113.9\r\n\tat 09:14 – ünïcødé 👩‍💻"))).toBeNull();
    expect(checkContent("csv", bytes("a,b\n1,2\n"))).toBeNull();
    expect(checkContent("json", bytes('{"ok":true}'))).toBeNull();
    expect(checkContent("csv", Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]))).toBeNull();
    expect(checkContent("eml", Uint8Array.from([...bytes("Subject: caf"), 0xe9, 0x0a]))).toBeNull();
  });
  it("refuses binaries named as text", () => {
    expect(checkContent("txt", PNG)).toMatch(/not plain text/);
    expect(checkContent("csv", Uint8Array.from([0x61, 0x00, 0x62]))).toMatch(/not plain text/);
    expect(checkContent("json", Uint8Array.from([0xc3, 0x28]))).toMatch(/not plain text/); // invalid UTF-8
    expect(checkContent("eml", MSG)).toMatch(/not plain text/);
    expect(isText(Uint8Array.from([0x61, 0xe9]))).toBe(false);
  });
});
