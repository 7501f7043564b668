import { MAX_ATTACHMENT_BYTES, NO_FILE_MESSAGE, TOO_LARGE_MESSAGE } from "./rules";

// Reads an evidence upload (multipart form: file, visibility) from a route handler's request,
// answering a clear 4xx for what is not one: too large (413, by Content-Length before reading),
// not multipart or unreadable (400), no file chosen (400 on the file field).

/** Room for the multipart boundaries and the other fields around a file at the size limit. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type UploadProblem = { status: 400 | 413; message: string; field?: "file" };
export type Upload = { file: File; visibility: "PUBLIC" | "INTERNAL" };

export async function readUploadRequest(request: Request): Promise<Upload | UploadProblem> {
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES)
    return { status: 413, message: TOO_LARGE_MESSAGE, field: "file" };
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) {
    return { status: 400, message: "Send the file as a form upload (multipart/form-data with a “file” field)." };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { status: 400, message: "The upload could not be read. Try again with a file of at most 10 MB." };
  }
  const file = form.get("file");
  if (!(file instanceof File) || (file.name === "" && file.size === 0)) return { status: 400, message: NO_FILE_MESSAGE, field: "file" };
  if (file.size > MAX_ATTACHMENT_BYTES) return { status: 413, message: TOO_LARGE_MESSAGE, field: "file" };
  return { file, visibility: form.get("visibility") === "INTERNAL" ? "INTERNAL" : "PUBLIC" };
}

export function isUploadProblem(value: Upload | UploadProblem): value is UploadProblem {
  return "status" in value;
}
