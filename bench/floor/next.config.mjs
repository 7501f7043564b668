// The floor for `npm run bench` (bench/floor-page.ts): the bare Next.js 16 page the queue is
// measured against — same rows, same database, no auth library, no Prisma, no middleware.
/** @type {import('next').NextConfig} */
const floorConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
};

export default floorConfig;
