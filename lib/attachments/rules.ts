// What evidence may be uploaded: common formats only, 10 MB at most. Served back as downloads
// with the type from this list (never the uploader's), so an upload cannot become a web page.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ALLOWED_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  eml: "message/rfc822",
  msg: "application/vnd.ms-outlook",
  json: "application/json",
};

export function extensionOf(fileName: string): string {
  return fileName.toLowerCase().split(".").pop() ?? "";
}

/** A safe display name: no path parts or control characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "file";
  return base.replace(/[^\w.\- ()]/g, "_").slice(0, 150) || "file";
}

/** What the server says when an upload comes without a file (a file input left empty sends a nameless, empty one). */
export const NO_FILE_MESSAGE = "Choose a file to attach.";
export const TOO_LARGE_MESSAGE = "Files can be at most 10 MB.";

export function checkUpload(fileName: string, size: number): string | null {
  if (size === 0) return "The file is empty.";
  if (size > MAX_ATTACHMENT_BYTES) return TOO_LARGE_MESSAGE;
  if (!ALLOWED_TYPES[extensionOf(fileName)]) return `Allowed types: ${Object.keys(ALLOWED_TYPES).join(", ")}.`;
  return null;
}
