import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, NO_FILE_MESSAGE, TOO_LARGE_MESSAGE } from "./rules";
import { readUploadRequest } from "./upload-request";

const URL_ = "http://localhost/api/tickets/x/attachments";

function multipart(fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(URL_, { method: "POST", body: form });
}

describe("reading an evidence upload", () => {
  it("returns the file and the visibility", async () => {
    const upload = await readUploadRequest(multipart({ file: new File(["hello"], "notes.txt"), visibility: "INTERNAL" }));
    expect(upload).toMatchObject({ visibility: "INTERNAL", file: { name: "notes.txt", size: 5 } });
    expect(await readUploadRequest(multipart({ file: new File(["x"], "a.txt"), visibility: "bogus" }))).toMatchObject({
      visibility: "PUBLIC",
    });
  });
  it("refuses a body over the limit by its Content-Length, before reading it", async () => {
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(11 * 1024 * 1024) },
      body: "never read",
    });
    expect(await readUploadRequest(request)).toEqual({ status: 413, message: TOO_LARGE_MESSAGE, field: "file" });
    expect(request.bodyUsed).toBe(false);
  });
  it("refuses a file over the limit without a Content-Length", async () => {
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], "big.pdf");
    expect(await readUploadRequest(multipart({ file: big }))).toEqual({ status: 413, message: TOO_LARGE_MESSAGE, field: "file" });
  });
  it("answers 400 for a body that is not multipart, or not readable", async () => {
    const json = new Request(URL_, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await readUploadRequest(json)).toMatchObject({ status: 400, message: expect.stringMatching(/multipart\/form-data/) });
    const none = new Request(URL_, { method: "POST", body: "file=x" });
    expect(await readUploadRequest(none)).toMatchObject({ status: 400 });
    const broken = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zzz" },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\ntruncated',
    });
    expect(await readUploadRequest(broken)).toMatchObject({ status: 400, message: expect.stringMatching(/could not be read/) });
  });
  it("says “Choose a file to attach.” when no file was chosen", async () => {
    expect(await readUploadRequest(multipart({ visibility: "PUBLIC" }))).toEqual({ status: 400, message: NO_FILE_MESSAGE, field: "file" });
    expect(await readUploadRequest(multipart({ file: new File([], "") }))).toEqual({
      status: 400,
      message: NO_FILE_MESSAGE,
      field: "file",
    });
    expect(await readUploadRequest(multipart({ file: "just text" }))).toEqual({ status: 400, message: NO_FILE_MESSAGE, field: "file" });
  });
});
