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

/** Each ticket holds at most this much evidence (the message says what to do instead). */
export const MAX_FILES_PER_TICKET = 50;
export const MAX_BYTES_PER_TICKET = 200 * 1024 * 1024;
/** Uploads one person may make in a window, across tickets. */
export const MAX_UPLOADS_PER_USER = 20;
export const UPLOAD_WINDOW_SECONDS = 10 * 60;

export const MAX_FILE_NAME_LENGTH = 150;

/** The part after the last dot, lower-case; "" when there is none (a file named "png" has no type). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * A safe display name: no path parts or control characters, at most 150 characters. A long name
 * is shortened before its extension, which is kept: the name stored is the name checked
 * (checkUpload runs on this result), so shortening can never make up a new type.
 */
export function cleanFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? "").replace(/[^\w.\- ()]/g, "_").trim();
  if (base.length <= MAX_FILE_NAME_LENGTH) return base || "file";
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return `${base.slice(0, MAX_FILE_NAME_LENGTH - extension.length)}${extension}`;
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
