import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { Report } from "./compose-report";
import { renderPdf } from "./render-pdf";

async function pdfText(report: Report) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(report))), { mergePages: true });
  return text;
}

describe("report PDF", () => {
  it("keeps Polish, Cyrillic and arrows as real, searchable text in reading order", async () => {
    const text = await pdfText({
      title: "INC-1042: Skrzynka Łukasza Żółkiewskiego",
      subtitle: "Отчёт об инциденте: Contoso",
      sections: [
        {
          heading: "1. Issue description",
          lines: ["Reporter: Łukasz Żółć; status changed from Resolved → Closed.", "Получатели: Юлия Петрова (yulia@пример.рф)."],
        },
      ],
    });
    expect(text).toContain("INC-1042: Skrzynka Łukasza Żółkiewskiego");
    expect(text).toContain("Отчёт об инциденте: Contoso");
    expect(text).toContain("Reporter: Łukasz Żółć; status changed from Resolved → Closed.");
    expect(text).toContain("Получатели: Юлия Петрова (yulia@пример.рф).");
  });
});
