import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { formatTicketNumber } from "@/lib/tickets/format";
import { findOpenDuplicates, type TicketDetail } from "@/lib/tickets/queries";

/** Other open incidents for the same account: likely duplicates. */
export async function DuplicateWarning({ db, viewer, ticket }: { db: Db; viewer: Viewer; ticket: TicketDetail }) {
  const duplicates = await findOpenDuplicates(db, viewer, ticket);
  if (duplicates.length === 0) return null;
  return (
    <Alert variant="warning">
      Possible duplicate: {duplicates.length === 1 ? "another open incident exists" : "other open incidents exist"} for {ticket.affectedUpn}
      :{" "}
      {duplicates.map((d, i) => (
        <span key={d.id}>
          {i > 0 && ", "}
          <Link href={`/tickets/${d.id}`} className="font-mono underline">
            {formatTicketNumber(d.number)}
          </Link>
        </span>
      ))}
    </Alert>
  );
}
