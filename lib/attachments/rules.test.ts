import { describe, expect, it } from "vitest";
import { checkUpload, cleanFileName, MAX_ATTACHMENT_BYTES } from "./rules";

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
});
