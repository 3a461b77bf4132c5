#!/usr/bin/env bash
# Scores one page of each kind, in both languages, with Lighthouse (mobile,
# its default simulated throttling) on the built site served locally, and
# fails if a page scores under 95 on performance or under 100 on
# accessibility or best practices.
#   scripts/lighthouse.sh            build to a temporary folder and score it
#   PORT=8123 scripts/lighthouse.sh  serve on another port
#   PAGES="compare/ targets/" scripts/lighthouse.sh  score only those pages
# The files are served gzipped, as GitHub Pages serves them. Needs Chromium
# and npx: Lighthouse 12.2.3 and the static server serve 14.2.7 are fetched
# by npx on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

# A reader's phone has Chinese fonts; without one, Chromium looks for a
# fallback glyph by glyph and the Chinese pages' layout takes several times
# as long, which is this machine's problem, not the site's.
if ! fc-list :lang=zh | grep -q .; then
  echo "no Chinese font: install one first (apt-get install -y fonts-noto-cjk)" >&2
  exit 1
fi

out=$(mktemp -d)
port=${PORT:-8099}
server=
trap '[ -n "$server" ] && kill -- "-$server" 2>/dev/null; rm -rf "$out"' EXIT
go run ./cmd/reportsite build -out "$out/public" >/dev/null
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is taken: set PORT to a free one" >&2
  exit 1
fi
# In a session of its own, so that the server and its children stop with it.
setsid npx --yes serve@14.2.7 --no-clipboard --no-request-logging --listen "tcp://127.0.0.1:$port" "$out/public" >/dev/null 2>&1 &
server=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
pages=("" reports/2024-chongqing-advanced-manufacturing/ reports/2021-2025-chongqing-plans/
  years/2020/ years/2024/ compare/ targets/ indicators/ indicators/industrial-value-added-growth/
  indicators/smart-factories/ data/ about/ search/)
if [ -n "${PAGES:-}" ]; then read -r -a pages <<<"$PAGES"; fi
status=0
printf '%-52s %5s %5s %5s %8s %8s %7s %6s\n' page perf a11y bp FCP LCP TBT CLS
for lang in zh en; do
  for page in "${pages[@]}"; do
    url="http://127.0.0.1:$port/$lang/$page"
    CHROME_PATH=$chrome npx --yes lighthouse@12.2.3 "$url" --quiet \
      --only-categories=performance,accessibility,best-practices \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
      --output=json --output-path="$out/report.json" >"$out/lighthouse.log" 2>&1 || { cat "$out/lighthouse.log" >&2; exit 1; }
    node -e '
      const r = require(process.argv[1]), c = r.categories, a = r.audits;
      const s = k => Math.round(c[k].score * 100);
      const line = [process.argv[2].padEnd(52), ...["performance", "accessibility", "best-practices"].map(k => String(s(k)).padStart(5)),
        ...["first-contentful-paint", "largest-contentful-paint", "total-blocking-time"].map(k => a[k].displayValue.padStart(8)),
        a["cumulative-layout-shift"].displayValue.padStart(6)];
      console.log(line.join(" "));
      if (s("performance") < 95 || s("accessibility") < 100 || s("best-practices") < 100) process.exit(1);
    ' "$out/report.json" "/$lang/$page" || status=1
  done
done
exit $status
