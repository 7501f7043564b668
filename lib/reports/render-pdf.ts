import PDFDocument from "pdfkit";
import type { Report } from "./compose-report";

// A PDF made on the server with pdfkit's built-in Helvetica: real, searchable text, no browser.
export function renderPdf(report: Report): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: report.title, Author: "Breachdesk" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(16).text(report.title);
    doc.moveDown(0.3).font("Helvetica-Oblique").fontSize(10).text(report.subtitle);
    for (const s of report.sections) {
      doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(s.heading);
      doc.moveDown(0.2).font("Helvetica").fontSize(9.5);
      for (const line of s.lines) doc.text(`• ${line}`, { paragraphGap: 2 });
    }
    doc.end();
  });
}
