import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Role } from "@/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/utils/dates";

type Comment = {
  id: string;
  body: string;
  visibility: "PUBLIC" | "INTERNAL";
  createdAt: Date;
  author: { id: string; name: string; role: Role };
};

export function CommentThread({ comments }: { comments: Comment[] }) {
  if (comments.length === 0) return <EmptyState title="No updates yet" description="Public updates and internal notes appear here." />;
  return (
    <ol className="space-y-3" aria-label="Comments">
      {comments.map((c) => (
        <li
          key={c.id}
          className={
            c.visibility === "INTERNAL" ? "rounded-md border border-dashed border-warning bg-warning/5 p-3" : "rounded-md border p-3"
          }
        >
          <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <span className="font-medium text-foreground">{c.author.name}</span>
            <span>{ROLE_LABELS[c.author.role]}</span>
            <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
            <Badge variant={c.visibility === "INTERNAL" ? "warning" : "neutral"}>
              {c.visibility === "INTERNAL" ? "Internal note" : "Public"}
            </Badge>
          </div>
          <p className="whitespace-pre-wrap text-sm">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
