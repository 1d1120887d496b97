#!/usr/bin/env bash
# The Docker image's runtime stage, reproduced without Docker (no engine runs in CI): a clean
# temporary directory with package.json, package-lock.json and the built dist/ only, production
# dependencies installed as in the Dockerfile, then the bot started with an empty environment.
# It must exit 1 with the one-line "DISCORD_TOKEN is not set" message — no stack trace, no
# TypeScript loader, no dev dependency (pino-pretty) needed. Run `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
node_bin="$(command -v node)"

fail() { printf 'check-production-image: %s\n' "$*" >&2; exit 1; }

[ -f dist/index.js ] && [ -f dist/shard.js ] || fail "dist/ is missing or incomplete: run npm run build first"

work="$(mktemp -d "${TMPDIR:-/tmp}/astana-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
cp -R dist "$work/dist"
cd "$work"
[ ! -e .env ] || fail ".env found in $work"

# The Dockerfile's runtime install.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

# Nothing the lockfile marks dev-only (pino-pretty, tsx, typescript…) may reach the image.
dev_installed="$("$node_bin" -e '
  const fs = require("node:fs");
  const { packages } = require("./package-lock.json");
  console.log(Object.entries(packages).filter(([path, p]) => path && p.dev && fs.existsSync(path)).map(([path]) => path).join(" "));
')"
[ -z "$dev_installed" ] || fail "dev-only packages were installed: $dev_installed"
[ ! -e node_modules/pino-pretty ] || fail "pino-pretty was installed"

expected="$("$node_bin" --input-type=module -e 'import { NO_TOKEN_MESSAGE } from "./dist/config.js"; console.log(NO_TOKEN_MESSAGE)')"

# entry, extra environment…: exit 1, nothing on stdout, exactly the one line on stderr.
check() {
  local entry="$1"
  shift
  local code=0
  env -i "$@" "$node_bin" "$entry" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" -eq 1 ] || fail "node $entry exited $code, expected 1 (stderr: $(head -c 500 "$work/err"))"
  [ ! -s "$work/out" ] || fail "node $entry wrote to stdout: $(head -c 500 "$work/out")"
  [ "$(wc -l <"$work/err")" -eq 1 ] || fail "node $entry wrote $(wc -l <"$work/err") lines to stderr, expected 1: $(head -c 500 "$work/err")"
  [ "$(cat "$work/err")" = "$expected" ] || fail "node $entry said: $(cat "$work/err")"
  printf 'ok: node %s %s → exit 1, "%.60s…"\n' "$entry" "${*:-(empty environment)}" "$expected"
}

check dist/index.js
check dist/index.js NODE_ENV=production HEALTH_PORT=8080 HEALTH_HOST=0.0.0.0   # the image's ENV
check dist/shard.js
# With a token, the manager also loads the fact base (the .txt/.json assets in dist/) before asking
# Discord for the shard count; a closed port makes that fail with its own one line.
code=0
env -i DISCORD_TOKEN=check.production.image.token DISCORD_API_URL=http://127.0.0.1:9/api "$node_bin" dist/shard.js >"$work/out" 2>"$work/err" || code=$?
[ "$code" -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q '^Could not reach Discord at ' "$work/err" ||
  fail "dist/shard.js with an unreachable API: exit $code, stderr: $(head -c 500 "$work/err")"
printf 'ok: node dist/shard.js with an unreachable DISCORD_API_URL → exit 1, "%.60s…"\n' "$(cat "$work/err")"
printf 'production image steps: ok (%s)\n' "$root"
