// The database role the app runs as in production, when it is not the owner of the tables (the
// owner runs the migrations). It may read and write every table except the audit log and its
// verification history, where it may only INSERT and SELECT: no UPDATE, DELETE or TRUNCATE, and,
// not owning the table, it cannot switch the append-only triggers off. Applied by
// `npm run db:migrate` when DATABASE_APP_ROLE is set (after every migration, so new tables are
// covered), or alone by `tsx scripts/db.ts grant-app-role <role>`.

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const APPEND_ONLY_TABLES = ['"AuditEvent"', '"AuditVerification"'];

type Sql = { query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

export function appRoleGrants(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`DATABASE_APP_ROLE must be a lower-case role name (letters, digits, _), got "${role}".`);
  const r = `"${role}"`;
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${APPEND_ONLY_TABLES.join(", ")} FROM ${r}`,
    `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
  ].join(";\n");
}

/** Grants the app role its rights; refuses a role for which the restriction would not hold. */
export async function grantAppRole(sql: Sql, role: string): Promise<void> {
  const grants = appRoleGrants(role);
  const { rows } = await sql.query(
    `SELECT r.rolsuper AS super, r.rolbypassrls AS bypass, pg_has_role(r.oid, t.tableowner::regrole, 'USAGE') AS owner
     FROM pg_roles r, pg_tables t WHERE r.rolname = $1 AND t.schemaname = 'public' AND t.tablename = 'AuditEvent'`,
    [role],
  );
  const found = rows[0];
  if (!found)
    throw new Error(
      `Role "${role}" does not exist (or the migrations have not run): create it first, e.g. CREATE ROLE ${role} LOGIN PASSWORD '…'.`,
    );
  if (found.super || found.owner) {
    throw new Error(`Role "${role}" is a superuser or owns the tables: it could change the audit log. Use a separate role for the app.`);
  }
  await sql.query(grants);
}
