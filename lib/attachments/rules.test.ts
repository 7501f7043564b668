import { describe, expect, it } from "vitest";
import { checkUpload, cleanFileName, extensionOf, MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH } from "./rules";

describe("attachment rules", () => {
  it("accepts the allowed types within the size limit", () => {
    expect(checkUpload("headers.eml", 2_000)).toBeNull();
    expect(checkUpload("Screenshot.PNG", MAX_ATTACHMENT_BYTES)).toBeNull();
  });
  it("refuses other types, empty and oversized files", () => {
    expect(checkUpload("payload.html", 10)).toMatch(/Allowed types/);
    expect(checkUpload("x.exe", 10)).toMatch(/Allowed types/);
    expect(checkUpload("a.pdf", 0)).toBe("The file is empty.");
    expect(checkUpload("a.pdf", MAX_ATTACHMENT_BYTES + 1)).toBe("Files can be at most 10 MB.");
  });
  it("strips paths and odd characters from names", () => {
    expect(cleanFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(cleanFileName("C:\\tmp\\a<b>.pdf")).toBe("a_b_.pdf");
  });
  it("shortens a long name before its extension, so the stored name is the one checked", () => {
    // Cut at 150 characters, this name used to end in ".html" while ".png" had been checked.
    const sneaky = `${"a".repeat(145)}.html${"b".repeat(20)}.png`;
    const cleaned = cleanFileName(sneaky);
    expect(cleaned).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith(".png")).toBe(true);
    expect(checkUpload(cleaned, 10)).toBeNull();
    // An extension too long to be one is not kept, and then the name has no allowed type.
    const long = cleanFileName(`${"a".repeat(140)}.${"x".repeat(30)}`);
    expect(checkUpload(long, 10)).toMatch(/Allowed types/);
    // Control characters and bidi overrides become "_", and cannot hide the real extension.
    expect(cleanFileName("invoice\u202Egnp.exe")).toBe("invoice_gnp.exe");
    expect(checkUpload(cleanFileName("invoice\u202Egnp.exe"), 10)).toMatch(/Allowed types/);
    expect(cleanFileName("report.pdf\u0000.exe")).toBe("report.pdf_.exe");
  });
  it("finds no type in a name without a dot", () => {
    expect(extensionOf("png")).toBe("");
    expect(checkUpload("png", 10)).toMatch(/Allowed types/);
    expect(extensionOf("Photo.JPeG")).toBe("jpeg");
  });
});
