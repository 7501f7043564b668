#!/usr/bin/env bash
# Every test: types, lint, unit + database + integration tests (Vitest), then the production build
# driven end to end in Debian's Chromium (Playwright). Ends with one "N passed, N failed" line.
# On a fresh clone it first installs what is missing: node_modules (npm ci), the Prisma client,
# Debian's chromium (as root), and starts the local PostgreSQL when it is installed but stopped.
# TEST_INSTALL_ONLY=1 stops after that (to check the install part on its own).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1  # tests talk only to loopback addresses
reports=.test-reports
rm -rf "$reports" && mkdir -p "$reports"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
is_root() { [ "$(id -u)" = "0" ]; }

if [ ! -d node_modules ] || [ ! -x node_modules/.bin/vitest ]; then
  echo "› Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund || exit 1  # postinstall generates the Prisma client
fi
if [ ! -f generated/prisma/client.ts ]; then
  echo "› Generating the Prisma client…"
  npm run --silent postinstall || exit 1
fi

if [ ! -x "$chromium_path" ]; then
  if is_root && command -v apt-get >/dev/null; then
    echo "› Installing Debian's chromium for the end-to-end tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
  else
    echo "The end-to-end tests need Chromium at $chromium_path: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

# The database tests run on PGlite always, and on PostgreSQL too when it is here: a local server
# that is installed but stopped is started (as CI does), and used unless TEST_DATABASE_URL says otherwise.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && is_root && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  echo "› Starting the local PostgreSQL…"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v psql >/dev/null && psql -q -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1" >/dev/null 2>&1; then
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/postgres"
fi
echo "› Database tests on PGlite${TEST_DATABASE_URL:+ and PostgreSQL ($TEST_DATABASE_URL)}"

if [ "${TEST_INSTALL_ONLY:-}" = "1" ]; then
  echo "› Installed; stopping here (TEST_INSTALL_ONLY=1)."
  exit 0
fi

status=0
step() { echo; echo "› $*"; "$@" || status=1; }

step npm run --silent typecheck
step npm run --silent lint
step npm run --silent format:check
step node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
echo; echo "› next build"
if node_modules/.bin/next build; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" step node_modules/.bin/playwright test --reporter=list,json
else
  status=1
  echo "› Skipping end-to-end tests: the build failed." >&2
  status=1
fi

node scripts/summarize-tests.mjs "$reports/vitest.json" "$reports/playwright.json" || status=1
exit $status
