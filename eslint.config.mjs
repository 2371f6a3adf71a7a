import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// The layers (docs and README's "How it is built"): each rule says which imports a folder may not make.
const NOT_APP = { group: ["@/app/**", "**/app/**"], message: "Routes use lib/ and components/, never the other way round." };
const NOT_PRISMA = { group: ["@/lib/db/generated/**", "**/db/generated/**", "@prisma/*"], message: "Only lib/ queries the database: call a service in lib/wiki." };
const PURE = {
  group: [
    ...["wiki", "db", "auth", "cache", "search", "media", "http", "validation", "actions", "app", "components"].flatMap((layer) => [`**/${layer}`, `**/${layer}/**`]),
    "@/**",
    "next",
    "next/*",
    "react",
    "react-dom",
    "@prisma/*",
  ],
  message: "lib/content is the pure document model: it depends on nothing above it.",
};
// A type may cross a layer (an action's signature, taken as a prop); code may not.
const forbid = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Pictures are the wiki's own thumbnails, sized and typed by lib/media (next/image would make them twice).
      "@next/next/no-img-element": "off",
      // `_name` leaves a field out of a copy on purpose.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // The core has no cycles (routes and components sit on top of it and are not part of one).
  { files: ["lib/**"], ignores: ["**/*.test.ts"], rules: { "import/no-cycle": ["error", { ignoreExternal: true }] } },
  { files: ["app/**"], rules: forbid(NOT_PRISMA) },
  { files: ["components/**"], rules: forbid(NOT_APP, NOT_PRISMA) },
  { files: ["lib/**"], ignores: ["lib/content/**", "**/*.test.ts"], rules: forbid(NOT_APP) },
  { files: ["lib/content/**"], ignores: ["**/*.test.ts"], rules: forbid(PURE) },
  // Playwright's fixtures hand on their value with `use`, which is no React hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
]);
