#!/usr/bin/env bash
# `npm test`: every test — types, lint, unit, integration on SQLite and PostgreSQL, and the Playwright
# journeys in Debian's chromium against a production build on both databases.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-dokuwiki.sh

echo "== Type check"
npx tsc --noEmit
echo "== Lint (Next.js's rules, no import cycles in lib/, layers) and formatting"
npx eslint . --max-warnings 0
npx prettier --check . > /dev/null || { npx prettier --list-different .; echo "Not formatted: run npm run format."; exit 1; }
echo "== Unit and integration tests (SQLite and PostgreSQL)"
npx vitest run
echo "== DokuWiki's own rendering of the corpus compared with the import"
npx tsx scripts/compare-dokuwiki.ts
echo "== Production build"
PALIMPSEST_TYPES_CHECKED=1 npx next build
echo "== End-to-end tests (chromium, SQLite and PostgreSQL)"
npx playwright test
