import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource from here. Migrations are applied by scripts/db.ts (the WASM schema
// engine, offline); the URL below only matters to `prisma generate`, which never connects.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/placeholder" },
});
