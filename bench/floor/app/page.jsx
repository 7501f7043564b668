import Link from "next/link";
import { queueRows } from "./rows.mjs";

export const dynamic = "force-dynamic";

const HEADINGS = ["Ticket", "Title", "Account", "Tenant", "Severity", "Status", "Assignee", "Opened"];

export default async function FloorQueue() {
  const rows = await queueRows();
  return (
    <main>
      <h1>Queue</h1>
      <table>
        <thead>
          <tr>
            {HEADINGS.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td>
                <Link href={`/tickets/${t.id}`}>INC-{t.number}</Link>
              </td>
              <td title={t.title}>{t.title}</td>
              <td>{t.affectedUpn}</td>
              <td>{t.tenant}</td>
              <td>{t.severity}</td>
              <td>{t.status}</td>
              <td>{t.assignee ?? "Unassigned"}</td>
              <td>
                <time dateTime={new Date(t.createdAt).toISOString()}>{new Date(t.createdAt).toUTCString()}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
