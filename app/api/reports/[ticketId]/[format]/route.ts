import { apiRoute } from "@/lib/http/route";
import { renderPdf } from "@/lib/reports/render-pdf";
import { getReportForViewer } from "@/lib/reports/review";

export const dynamic = "force-dynamic";

// GET /api/reports/{ticketId}/pdf?version=n  and  /markdown — the stored snapshot, as a download.
export const GET = apiRoute<{ ticketId: string; format: string }>(
  { name: "reports.download", permission: "reports.read" },
  async ({ request, params, viewer, db }) => {
    const { ticketId, format } = params;
    const { ticket, versions } = await getReportForViewer(db, viewer, ticketId);
    const wanted = Number(new URL(request.url).searchParams.get("version") ?? versions[0]!.version);
    const v = versions.find((x) => x.version === wanted);
    if (!v || !["pdf", "markdown"].includes(format)) return new Response("Not found.", { status: 404 });
    const name = `INC-${ticket.number}-report-v${v.version}`;
    const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
    if (format === "markdown") {
      return new Response(v.markdown, {
        headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.md"` },
      });
    }
    const pdf = await renderPdf(v.content);
    return new Response(new Uint8Array(pdf), {
      headers: { ...headers, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` },
    });
  },
);
