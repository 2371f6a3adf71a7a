#!/usr/bin/env bash
# `npm test`: every test — types, lint, unit, integration on SQLite and PostgreSQL, and the Playwright
# journeys in Debian's chromium against a production build on both databases.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it began, so a slow one shows.
step() {
  echo "== $1 (at $((SECONDS / 60))m$((SECONDS % 60))s)"
}

bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-dokuwiki.sh

step "Type check"
npx tsc --noEmit
step "Lint (Next.js's rules, no import cycles in lib/, layers) and formatting"
npx eslint . --max-warnings 0
npx prettier --check . > /dev/null || { npx prettier --list-different .; echo "Not formatted: run npm run format."; exit 1; }
export TEST_SEED="${TEST_SEED:-$((RANDOM + 1))}"
step "Unit and integration tests (SQLite and PostgreSQL), tests within each file in the order of TEST_SEED=$TEST_SEED"
npx vitest run
step "DokuWiki's own rendering of the corpus compared with the import"
npx tsx scripts/compare-dokuwiki.ts
step "Production build"
PALIMPSEST_TYPES_CHECKED=1 npx next build
step "End-to-end tests (chromium, SQLite and PostgreSQL)"
npx playwright test
step "Done"
