#!/usr/bin/env bash
# Generate the next migration from the table definitions (src/core/server/db/schema.ts and
# src/domains/*/server/*.tables.ts). Serialised with a lock: two concurrent runs would fork the
# snapshot chain. Usage: bash scripts/db-generate.sh <domain>_<change>   e.g. catalog_create_items
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: db-generate.sh <domain>_<change>}"
mkdir -p .tmp
exec 9>.tmp/db-generate.lock
flock 9
npx drizzle-kit generate --name "$name"
