import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/utils/dates";

type Row = {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  visibility: "PUBLIC" | "INTERNAL";
  createdAt: Date;
  uploadedBy: { name: string };
};

export function AttachmentsList({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No evidence attached.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Evidence">
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/attachments/${a.id}`} className="text-primary underline-offset-4 hover:underline">
            {a.fileName}
          </a>
          <span className="text-xs text-muted-foreground">
            {(a.size / 1024).toFixed(1)} KB · {a.uploadedBy.name} · {formatDateTime(a.createdAt)}
          </span>
          <span className="font-mono text-[10px] text-muted-foreground" title="SHA-256">
            {a.sha256.slice(0, 12)}…
          </span>
          {a.visibility === "INTERNAL" && <Badge variant="warning">Internal</Badge>}
        </li>
      ))}
    </ul>
  );
}
