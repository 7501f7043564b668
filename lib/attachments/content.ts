// Does a file's content match the type its name claims? Binary types must start with their
// format's signature; text types must be text. An HTML page renamed to .png is refused here,
// whatever its name says. Pure, unit-tested.

const SIGNATURES: Record<string, { bytes: number[]; within?: number }[]> = {
  png: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  jpg: [{ bytes: [0xff, 0xd8, 0xff] }],
  jpeg: [{ bytes: [0xff, 0xd8, 0xff] }],
  // "%PDF-", which the format allows anywhere in the first 1024 bytes.
  pdf: [{ bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], within: 1024 }],
  // Outlook .msg files are OLE compound documents.
  msg: [{ bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }],
};

const TEXT_TYPES = new Set(["txt", "csv", "eml", "json"]);

function startsWith(bytes: Uint8Array, signature: number[], at: number): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function hasSignature(bytes: Uint8Array, { bytes: signature, within = 0 }: { bytes: number[]; within?: number }): boolean {
  for (let at = 0; at <= Math.min(within, bytes.length - signature.length); at++) if (startsWith(bytes, signature, at)) return true;
  return false;
}

/** Control characters that do not occur in text (tab, LF, FF, CR and ESC do). */
function hasBinaryControls(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text);
}

function decodes(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text: UTF-8, or UTF-16 with a byte-order mark; for .eml also an 8-bit legacy charset. */
export function isText(bytes: Uint8Array, allowLegacy8Bit = false): boolean {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  const text = decodes(bytes, utf16 ?? "utf-8") ?? (allowLegacy8Bit ? new TextDecoder("latin1").decode(bytes) : null);
  return text !== null && !hasBinaryControls(text);
}

/** null when the content fits the extension, else the user-facing reason. */
export function checkContent(extension: string, bytes: Uint8Array): string | null {
  const signatures = SIGNATURES[extension];
  if (signatures) {
    return signatures.some((s) => hasSignature(bytes, s))
      ? null
      : `This file is not a real .${extension} file: its content is of another type. Attach the original file.`;
  }
  if (TEXT_TYPES.has(extension)) {
    return isText(bytes, extension === "eml")
      ? null
      : `This file is not plain text, as a .${extension} file must be. Attach the original file.`;
  }
  return `Files of type .${extension} cannot be checked.`;
}
