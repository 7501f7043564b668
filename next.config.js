/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several checkouts' e2e runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite and the WASM schema engine load .wasm/data files relative to their package; bundling
  // them breaks that (see DESIGN.md §6).
  serverExternalPackages: ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pglite-prisma-adapter", "pdfkit", "pg-boss"],
  poweredByHeader: false,
  // proxy.ts sees every request body; evidence uploads may be 10 MB (lib/attachments), so the
  // proxy's own limit (10 MB by default) must sit just above that.
  experimental: { proxyClientMaxBodySize: "11mb" },
  // Static headers for every response. The Content-Security-Policy (with a per-request nonce) and
  // Strict-Transport-Security (over https only) are set per request in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
