import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  // Layout belongs to Prettier (npm run format); ESLint keeps to correctness.
  prettier,
  { ignores: ["generated/**", "**/.next/**", ".next-*/**", "data/**", "playwright-report/**", "test-results/**"] },
  {
    // Env is validated once in lib/env; everything else reads it from there.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use getEnv() from @/lib/env." }],
    },
  },
];

export default config;
