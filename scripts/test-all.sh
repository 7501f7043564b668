#!/usr/bin/env bash
# Every test: types, lint, unit + database + simulator tests (Vitest), then the production build
# driven end to end in Debian's Chromium (Playwright). Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1  # tests talk only to loopback addresses
reports=.test-reports
rm -rf "$reports" && mkdir -p "$reports"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "› Installing Debian's chromium for the end-to-end tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
  else
    echo "The end-to-end tests need Chromium at $chromium_path: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

status=0
step() { echo; echo "› $*"; "$@" || status=1; }

step npm run --silent typecheck
step npm run --silent lint
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
