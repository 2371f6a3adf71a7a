import path from "node:path";
import { defineConfig } from "vitest/config";

// The pure core, tested with no database and no set-up: `npx vitest run --project unit`.
const UNIT = [
  "lib/content/**/*.test.ts",
  "lib/validation/**/*.test.ts",
  "lib/auth/**/*.test.ts",
  "lib/http/**/*.test.ts",
  "lib/search/**/*.test.ts",
  "lib/cache/page-cache.test.ts",
  "lib/media/{config,sizes,types,kept-thumbnails}.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Pure code holds no state between files: the unit project's files share their worker threads'
    // modules, since loading them again for each file took longer than the tests (12 s against 5 s).
    // Services keep state (caches of settings, of styles) that must not cross from one file's
    // databases to another's, so each db file gets a process of its own.
    pool: "threads",
    // Tests within a file run in a new order each run, so none can lean on the ones before it. The
    // order comes from TEST_SEED, which `npm test` prints; set it to run an order again.
    sequence: { shuffle: { files: false, tests: true }, seed: Number(process.env.TEST_SEED) || Date.now() % 100_000 },
    poolOptions: { threads: { isolate: false } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        extends: true,
        // Services on real databases (each file makes its own, on SQLite and PostgreSQL), the object
        // store and the command line: `npx vitest run --project db`.
        test: { name: "db", pool: "forks", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], exclude: UNIT, globalSetup: ["test/global-setup.ts"] },
      },
    ],
  },
});
