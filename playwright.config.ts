import { defineConfig } from "@playwright/test";

// Every journey runs against both databases: one production server on each, from a new install.
// The PostgreSQL one runs as a larger deployment does, sharing its page cache and limits in Redis.
const servers = [
  { name: "sqlite", port: 3100, databaseUrl: "file:./data/e2e.db", redisUrl: "" },
  { name: "postgres", port: 3101, databaseUrl: "postgresql://postgres@127.0.0.1:5432/palimpsest_e2e", redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379" },
];

/**
 * Journeys whose outcome does not depend on the database: accessibility scans (markup), the editor's
 * own behaviour (typing, panels, keys) and the phone layout.
 */
const ONE_ENGINE = ["accessibility.spec.ts", "editor-experience.spec.ts", "phone.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  // Once, in CI only: a browser that hangs closing a context (it happens on a loaded machine) is not
  // a failing journey; a journey that fails twice is.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Two servers, two workers and their browsers share two cores: journeys with two editors need room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // Debian's chromium: Playwright must not download a browser of its own.
    launchOptions: { executablePath: "/usr/bin/chromium" },
    // Tracing every test slows a loaded machine; the retry of a failure records one.
    trace: "on-first-retry",
    // A step that cannot act fails with what it waited for, not as the whole test's timeout.
    actionTimeout: 15_000,
  },
  // Reading journeys check the new install as it is; the journeys that change it run after them.
  projects: servers.flatMap((s) => {
    const use = { baseURL: `http://127.0.0.1:${s.port}` };
    // Fixtures make accounts directly in the server's database; a second server shares its Redis.
    const metadata = { databaseUrl: s.databaseUrl, redisUrl: s.redisUrl };
    return [
      { name: `${s.name}-reading`, testMatch: "reading.spec.ts", use, metadata },
      // Journeys of markup and the browser alone run on the first engine only: what they save goes
      // through services that the integration tests run on both.
      { name: s.name, testIgnore: ["reading.spec.ts", ...(s === servers[0] ? [] : ONE_ENGINE)], use, metadata, dependencies: [`${s.name}-reading`] },
    ];
  }),
  webServer: [
    ...servers.map((s) => ({
      command: "npx tsx scripts/reset-database.ts && npx tsx scripts/start.ts",
      // Ready once the example article renders, so no test waits for the first render.
      url: `http://127.0.0.1:${s.port}/wiki/gpt_5_2`,
      env: { DATABASE_URL: s.databaseUrl, REDIS_URL: s.redisUrl, PORT: String(s.port), HOSTNAME: "127.0.0.1" },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    })),
    // A stand-in for the DOI resolver and the web, so looking sources up needs no network.
    { command: "npx tsx e2e/stub-resolver.ts 3190", port: 3190, reuseExistingServer: false, stdout: "ignore" as const, stderr: "pipe" as const },
  ],
});
