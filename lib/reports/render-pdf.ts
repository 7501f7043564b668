import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Report } from "./compose-report";

// A PDF made on the server with pdfkit: real, searchable text, no browser. The built-in
// Helvetica only knows WinAnsi, so names such as "Łukasz" or an arrow came out garbled; DejaVu
// Sans (package dejavu-fonts-ttf, Bitstream Vera licence: embedding allowed) covers Latin,
// Cyrillic, Greek and the arrows. pdfkit embeds only the glyphs used, with a ToUnicode map.

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = { body: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italic: "DejaVuSans-Oblique.ttf" } as const;

let cache: Record<keyof typeof FONTS, Buffer> | null = null;
function fonts(): Record<keyof typeof FONTS, Buffer> {
  cache ??= {
    body: fs.readFileSync(path.join(FONT_DIR, FONTS.body)),
    bold: fs.readFileSync(path.join(FONT_DIR, FONTS.bold)),
    italic: fs.readFileSync(path.join(FONT_DIR, FONTS.italic)),
  };
  return cache;
}

export function renderPdf(report: Report): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: report.title, Author: "Breachdesk" }, lang: "en" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
    doc.font("bold").fontSize(16).text(report.title);
    doc.moveDown(0.3).font("italic").fontSize(10).text(report.subtitle);
    for (const s of report.sections) {
      doc.moveDown(0.8).font("bold").fontSize(12).text(s.heading);
      doc.moveDown(0.2).font("body").fontSize(9.5);
      for (const line of s.lines) doc.text(`• ${line}`, { paragraphGap: 2 });
    }
    doc.end();
  });
}
