#!/usr/bin/env bash
# Rebuilds the site's ECharts bundle from the official npm package, pinned
# below, with only the chart types and components the site uses, and copies
# ECharts' licence and notice beside it. Run from the repository root after
# changing ECHARTS_VERSION or the list of parts; commit what it writes.
set -euo pipefail

ECHARTS_VERSION=6.1.0
ESBUILD_VERSION=0.28.2
OUT=layouts/static/vendor/echarts

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund "echarts@$ECHARTS_VERSION" "esbuild@$ESBUILD_VERSION" >/dev/null
  cat > entry.js <<'JS'
// The parts of ECharts the site's charts use: bar and line charts on a cartesian
// grid, with tooltip, legend and aria (the screen-reader description),
// drawn on canvas. The English and Chinese locales are part of the core.
import { init, use, getInstanceByDom } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);
window.echarts = { init, getInstanceByDom };
JS
  npx esbuild entry.js --bundle --minify --format=iife --legal-comments=none --outfile=echarts.min.js >/dev/null
)
mkdir -p "$OUT"
{
  echo "/*! ECharts $ECHARTS_VERSION (partial build: bar, line, grid, tooltip, legend, aria; canvas) | Apache-2.0 | see LICENSE and NOTICE beside this file */"
  cat "$work/echarts.min.js"
} > "$OUT/echarts.min.js"
cp "$work/node_modules/echarts/LICENSE" "$OUT/LICENSE"
cp "$work/node_modules/echarts/NOTICE" "$OUT/NOTICE"
echo "ECharts $ECHARTS_VERSION: $(wc -c < "$OUT/echarts.min.js") bytes, $(gzip -9c "$OUT/echarts.min.js" | wc -c) gzipped"
