import { describe, expect, it } from "vitest";
import { chosenFileError, NO_FILE_MESSAGE } from "./chosen-file";

describe("chosenFileError", () => {
  it("asks for a file when none was chosen, and lets a chosen one through (even an empty one, for the server to judge)", () => {
    const form = new FormData();
    form.set("file", new File([], ""));
    expect(chosenFileError(form.get("file"))).toBe(NO_FILE_MESSAGE);
    expect(chosenFileError(null)).toBe(NO_FILE_MESSAGE);
    expect(chosenFileError("text")).toBe(NO_FILE_MESSAGE);
    expect(chosenFileError(new File(["Subject: x"], "ndr.eml"))).toBeUndefined();
    expect(chosenFileError(new File([], "empty.txt"))).toBeUndefined();
  });
});
