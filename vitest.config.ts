import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Integration tests share one PostgreSQL server; each file makes its own databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
