#!/usr/bin/env bash
# Writes a migration for both databases from the change to prisma/models.prisma since a git revision:
#   bash scripts/new-migration.sh <name> [<git revision, default HEAD>]
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}
base=${2:-HEAD}
stamp=$(date -u +%Y%m%d%H%M%S)
old=$(mktemp -d)
trap 'rm -rf "$old"' EXIT
for kind in sqlite postgres; do
  mkdir -p "$old/$kind"
  git show "$base:prisma/$kind/schema.prisma" > "$old/$kind/schema.prisma"
  git show "$base:prisma/models.prisma" > "$old/$kind/models.prisma"
  url="file:./data/placeholder.db"; [ "$kind" = postgres ] && url="postgresql://postgres@127.0.0.1:5432/postgres"
  dir="prisma/$kind/migrations/${stamp}_${name}"
  mkdir -p "$dir"
  DATABASE_URL=$url npx prisma migrate diff --from-schema-datamodel "$old/$kind" --to-schema-datamodel "prisma/$kind" --script > "$dir/migration.sql"
  echo "wrote $dir/migration.sql"
done
