import pg from "pg";

// The floor page's data: one query standing in for the session check, then the queue's 50 newest
// rows with the same columns and joins as lib/tickets/queries.ts (listTickets), through `pg` on
// PostgreSQL (FLOOR_DATABASE_URL) or straight on a copy of the embedded database (FLOOR_PGLITE_DIR).

const SESSION = `SELECT u.id, u.role FROM "User" u WHERE u.email = $1 AND u."isActive"`;
const ROWS = `
  SELECT t.id, t.number, t.title, t."affectedUpn", t.severity, t.status, t."createdAt",
         tn."displayName" AS tenant, a.name AS assignee
  FROM "Ticket" t JOIN "Tenant" tn ON tn.id = t."tenantId" LEFT JOIN "User" a ON a.id = t."assigneeId"
  ORDER BY t.number DESC LIMIT 51`;

const cache = (globalThis.__floorDb ??= {});

async function open() {
  if (process.env.FLOOR_DATABASE_URL) return new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 });
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(process.env.FLOOR_PGLITE_DIR);
}

export async function queueRows() {
  cache.db ??= open();
  const db = await cache.db;
  await db.query(SESSION, ["engineer@breachdesk.example"]);
  const { rows } = await db.query(ROWS);
  return rows.slice(0, 50);
}
