package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"reportsite/internal/i18n"
	"reportsite/internal/testsite"
)

// TestChartsInBrowser opens chart pages in headless Chromium: every chart
// must be drawn by ECharts on a canvas, with the same categories as the
// table beside it, the page's language for ECharts' locale, and no
// JavaScript error.
func TestChartsInBrowser(t *testing.T) {
	out := realSite(t)
	fsys := fstest.MapFS{}
	for p, b := range out.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	srv := httptest.NewServer(http.FileServer(http.FS(fsys)))
	defer srv.Close()
	ctx := testsite.Browser(t)
	js := testsite.WatchJS(t, ctx, false)
	for _, tc := range []struct{ page, chart, locale string }{
		{"/en/compare/", "chart-cmp-1", "EN"},
		{"/zh/compare/", "chart-cmp-1", "ZH"},
		{"/en/indicators/industrial-value-added-growth/", "chart-ind-industrial-value-added-growth", "EN"},
	} {
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(step,
			chromedp.Navigate(srv.URL+tc.page),
			chromedp.ScrollIntoView("#"+tc.chart),
			chromedp.WaitVisible("#"+tc.chart+" canvas"),
		)
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", tc.page, err)
		}
		chart := `echarts.getInstanceByDom(document.getElementById("` + tc.chart + `"))`
		ids := testsite.Eval[[]string](t, ctx, chart+`.getOption().series.map(s => s.id)`)
		for _, id := range ids {
			if !regexp.MustCompile(`^(chongqing|sichuan|chengdu-chongqing|china)-(actual|expected|target)$`).MatchString(id) {
				t.Errorf("%s: series id %q is not region-kind", tc.page, id)
			}
		}
		// Every value of the table is a value of the chart, and back.
		tableValues := testsite.Eval[int](t, ctx, `document.querySelectorAll("#figure-`+strings.TrimPrefix(tc.chart, "chart-")+` tbody td a").length`)
		chartValues := testsite.Eval[int](t, ctx, chart+`.getOption().series.reduce((n, s) => n + new Set(s.data.filter(d => d.name).map(d => d.name)).size, 0)`)
		if tableValues == 0 || tableValues != chartValues {
			t.Errorf("%s: %d values in the table, %d in the chart", tc.page, tableValues, chartValues)
		}
		month := testsite.Eval[string](t, ctx, chart+`.getModel().getLocaleModel().get(["time", "month"])[0]`)
		if want := map[string]string{"EN": "January", "ZH": "一月"}[tc.locale]; month != want {
			t.Errorf("%s: ECharts locale gives %q for January, want %q", tc.page, month, want)
		}
	}
	if problems := js.Take(); len(problems) > 0 {
		t.Errorf("JavaScript errors: %v", problems)
	}
}

// TestPagesWithoutChartsShipNoScript keeps pages without charts free of
// JavaScript, and chart pages to the site's own assets.
func TestPagesWithoutChartsShipNoScript(t *testing.T) {
	out := realSite(t)
	for p, b := range out.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		page := string(b)
		hasChart := strings.Contains(page, `class="chart"`)
		scripts := strings.Count(page, "<script src=")
		// The targets page sorts its table with a script of its own; pages
		// with a report's citation or a table of figures add copy and cite
		// buttons with cite.js. Both are deferred: the first paint needs
		// neither.
		for _, own := range []string{"assets/js/sort.js", "assets/js/cite.js"} {
			if strings.Contains(page, own) {
				scripts--
				if !regexp.MustCompile(`<script src="[^"]*` + own + `" defer[ >]`).MatchString(page) {
					t.Errorf("%s loads %s without defer", p, own)
				}
			}
		}
		switch {
		case !hasChart && scripts > 0:
			t.Errorf("%s has no chart but loads %d scripts", p, scripts)
		case hasChart && (scripts != 1 || !regexp.MustCompile(`<script src="[^"]*assets/js/charts\.js" data-echarts="[^"]*assets/vendor/echarts/echarts\.min\.js" defer>`).MatchString(page)):
			t.Errorf("%s has charts and loads %d scripts, want charts.js alone, deferred, naming ECharts for later", p, scripts)
		}
	}
}

// TestScriptBudget keeps what a chart page ships within the design's
// budget: 200 KB gzipped in all, ECharts included.
func TestScriptBudget(t *testing.T) {
	out := realSite(t)
	total := 0
	for _, p := range []string{"assets/vendor/echarts/echarts.min.js", "assets/js/charts.js"} {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(out.Files[p])
		zw.Close()
		total += buf.Len()
	}
	cite := gzipped(out.Files["assets/js/cite.js"])
	if cite == 0 || cite > 4*1024 {
		t.Errorf("cite.js is %d bytes gzipped; keep it under 4 KB", cite)
	}
	t.Logf("cite.js is %d bytes gzipped", cite)
	if total > 200*1024 {
		t.Errorf("a chart page ships %d bytes of gzipped JavaScript, over the 200 KB budget", total)
	}
	t.Logf("chart pages ship %d bytes of gzipped JavaScript", total)
}

func gzipped(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if len(b) == 0 {
		return 0
	}
	return buf.Len()
}

// TestCopiedParagraphsAreTheReportsWords selects every paragraph of every
// report page in headless Chromium, as a reader who copies it would, and
// compares the selection with the report's words: on the Chinese page the
// text after errata, run-in heading included; on the English page the
// translation (or the Chinese where a block is shown untranslated). Figure
// marks, paragraph links and erratum marks must not be copied.
func TestCopiedParagraphsAreTheReportsWords(t *testing.T) {
	out := realSite(t)
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	fsys := fstest.MapFS{}
	for p, b := range out.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	srv := httptest.NewServer(http.FileServer(http.FS(fsys)))
	defer srv.Close()
	ctx := testsite.Browser(t)
	checked := 0
	for _, r := range s.Data.Reports {
		want := map[string]map[string]string{"zh": {}, "en": {}}
		tr := s.Translations[r.ID]
		for _, b := range r.Doc.Body() {
			if b.Kind.String() != "paragraph" {
				continue
			}
			want["zh"][b.ID] = b.Lead + b.Text
			lead, _ := tr.Lookup(i18n.Unit{ID: b.HeadingID(), Zh: b.Lead})
			text, _ := tr.Lookup(i18n.Unit{ID: b.ID, Zh: b.Text})
			switch {
			case b.Lead != "" && lead == "":
				lead = b.Lead
			case lead != "":
				lead += " "
			}
			if b.Text != "" && text == "" {
				text = b.Text
			}
			want["en"][b.ID] = lead + text
		}
		for _, lang := range []string{"zh", "en"} {
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			err := chromedp.Do(step, chromedp.Navigate(srv.URL+"/"+lang+"/reports/"+r.ID+"/"))
			cancel()
			if err != nil {
				t.Fatalf("%s %s: %v", lang, r.ID, err)
			}
			copied := testsite.Eval[map[string]string](t, ctx, `(() => {
				const out = {};
				const sel = window.getSelection();
				for (const p of document.querySelectorAll(".report-body p[id^='p-']")) {
					const range = document.createRange();
					range.selectNodeContents(p);
					sel.removeAllRanges();
					sel.addRange(range);
					out[p.id] = sel.toString();
				}
				return out;
			})()`)
			if len(copied) != len(want[lang]) {
				t.Errorf("%s %s: %d paragraphs on the page, %d in the report", lang, r.ID, len(copied), len(want[lang]))
			}
			for id, w := range want[lang] {
				if got := copied[id]; got != w {
					t.Errorf("%s %s #%s: copying gives\n%q\nwant\n%q", lang, r.ID, id, got, w)
				}
				checked++
			}
		}
	}
	t.Logf("%d paragraphs copied", checked)
}

// pageKinds are one page of each kind, in both languages.
var pageKinds = []string{"", "reports/2024-chongqing-advanced-manufacturing/", "reports/2021-2025-chongqing-plans/", "years/2020/", "years/2024/",
	"compare/", "targets/", "indicators/", "indicators/industrial-value-added-growth/", "indicators/smart-factories/", "data/", "about/"}

// serveSite serves the real site on a test server.
func serveSite(t *testing.T) *httptest.Server {
	t.Helper()
	out := realSite(t)
	fsys := fstest.MapFS{}
	for p, b := range out.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	srv := httptest.NewServer(http.FileServer(http.FS(fsys)))
	t.Cleanup(srv.Close)
	return srv
}

// TestNarrowScreens opens a page of each kind at the width of a phone (390
// px): nothing may be wider than the screen (tables reflow, long words
// wrap), and on a report page the text starts on the first screen.
func TestNarrowScreens(t *testing.T) {
	srv := serveSite(t)
	ctx := testsite.Browser(t)
	for _, lang := range []string{"zh", "en"} {
		for _, kind := range pageKinds {
			url := srv.URL + "/" + lang + "/" + kind
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			err := chromedp.Do(step, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(url))
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", url, err)
			}
			wide := testsite.Eval[[]string](t, ctx, `(() => {
				const w = document.documentElement.clientWidth, out = [];
				for (const el of document.querySelectorAll("body *")) {
					const r = el.getBoundingClientRect();
					if (r.width > 0 && r.right > w + 1) out.push(el.tagName + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : "") + " " + Math.round(r.right));
				}
				return out.slice(0, 5);
			})()`)
			if len(wide) > 0 {
				t.Errorf("%s: wider than 390 px: %v", url, wide)
			}
			if strings.HasPrefix(kind, "reports/") {
				top := testsite.Eval[float64](t, ctx, `document.querySelector(".report-body p[id^='p-'], .report-body h2, .report-body h3").getBoundingClientRect().top`)
				if top > 844 {
					t.Errorf("%s: the text starts %.0f px down, below the first screen", url, top)
				}
			}
		}
	}
}

// TestEveryChartDraws scrolls through a page of each kind in both
// languages: every chart container must be drawn by ECharts once it comes
// into view, and no page may raise a JavaScript error or log one.
func TestEveryChartDraws(t *testing.T) {
	srv := serveSite(t)
	ctx := testsite.Browser(t)
	js := testsite.WatchJS(t, ctx, true)
	drawn := 0
	for _, lang := range []string{"zh", "en"} {
		for _, kind := range pageKinds {
			url := srv.URL + "/" + lang + "/" + kind
			step, cancel := context.WithTimeout(ctx, 60*time.Second)
			err := chromedp.Do(step, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url))
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", url, err)
			}
			ids := testsite.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll("div.chart")).map(d => d.id)`)
			for _, id := range ids {
				step, cancel := context.WithTimeout(ctx, 30*time.Second)
				err := chromedp.Do(step, chromedp.ScrollIntoView("#"+id), chromedp.WaitVisible("#"+id+" canvas"))
				cancel()
				if err != nil {
					t.Errorf("%s: chart %s was not drawn: %v", url, id, err)
					continue
				}
				drawn++
			}
			if problems := js.Take(); len(problems) > 0 {
				t.Errorf("%s: %v", url, problems)
			}
		}
	}
	t.Logf("%d charts drawn", drawn)
}

// TestEChartsWaitsForAChart opens each page with charts at the size of a
// phone: as long as no chart is near the screen, ECharts is neither
// fetched nor run (the first paint and the reading are free of it). Once
// a chart scrolls into view it is drawn, in the box that held its place,
// so nothing on the page moves.
func TestEChartsWaitsForAChart(t *testing.T) {
	srv := serveSite(t)
	ctx := testsite.Browser(t)
	js := testsite.WatchJS(t, ctx, true)
	fetched := `performance.getEntriesByType("resource").some(e => e.name.endsWith("echarts.min.js"))`
	checked, far := 0, 0
	for _, lang := range []string{"zh", "en"} {
		for _, kind := range pageKinds {
			url := srv.URL + "/" + lang + "/" + kind
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			err := chromedp.Do(step, chromedp.EmulateViewport(412, 823, chromedp.EmulateMobile), chromedp.Navigate(url))
			if err == nil {
				// Two frames after load: the observer has seen the first layout.
				_, err = chromedp.Run(step, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise))
			}
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", url, err)
			}
			first := testsite.Eval[string](t, ctx, `(document.querySelector("div.chart") || {}).id || ""`)
			if first == "" {
				if testsite.Eval[bool](t, ctx, fetched) {
					t.Errorf("%s has no chart but fetched ECharts", url)
				}
				continue
			}
			checked++
			near := testsite.Eval[bool](t, ctx, `Array.from(document.querySelectorAll("div.chart")).some(d => d.getBoundingClientRect().top < innerHeight + 200)`)
			if !near {
				far++
				if testsite.Eval[bool](t, ctx, fetched) || testsite.Eval[bool](t, ctx, `"echarts" in window`) {
					t.Errorf("%s: ECharts was fetched before any chart came near the screen", url)
				}
			}
			before := testsite.Eval[float64](t, ctx, `document.getElementById("`+first+`").getBoundingClientRect().height`)
			if before < 200 {
				t.Errorf("%s: the box of %s is %.0f px high before it is drawn; it should hold the chart's place", url, first, before)
			}
			step, cancel = context.WithTimeout(ctx, 30*time.Second)
			err = chromedp.Do(step, chromedp.ScrollIntoView("#"+first), chromedp.WaitVisible("#"+first+" canvas"))
			cancel()
			if err != nil {
				t.Errorf("%s: %s was not drawn once in view: %v", url, first, err)
				continue
			}
			if after := testsite.Eval[float64](t, ctx, `document.getElementById("`+first+`").getBoundingClientRect().height`); after != before {
				t.Errorf("%s: drawing %s changed its height from %.0f to %.0f px", url, first, before, after)
			}
			if problems := js.Take(); len(problems) > 0 {
				t.Errorf("%s: %v", url, problems)
			}
		}
	}
	if checked == 0 || far == 0 {
		t.Fatalf("of the pages checked, %d have a chart and %d have none near the first screen; both kinds are needed", checked, far)
	}
}

// TestChartsWithoutJavaScript opens the chart pages with JavaScript off: no
// empty chart box is shown, and the table beside each chart still carries
// its numbers.
func TestChartsWithoutJavaScript(t *testing.T) {
	srv := serveSite(t)
	ctx := testsite.Browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"compare/", "indicators/smart-factories/", "years/2020/", ""} {
		url := srv.URL + "/en/" + kind
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(step, chromedp.Navigate(url))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		shown := testsite.Eval[int](t, ctx, `Array.from(document.querySelectorAll("div.chart")).filter(d => d.getBoundingClientRect().height > 0).length`)
		charts := testsite.Eval[int](t, ctx, `document.querySelectorAll("div.chart").length`)
		rows := testsite.Eval[int](t, ctx, `document.querySelectorAll(".chart-figure table tbody tr").length`)
		if charts == 0 {
			t.Errorf("%s: no chart to check", url)
		}
		if shown > 0 {
			t.Errorf("%s: %d of %d chart boxes shown without JavaScript", url, shown, charts)
		}
		if rows == 0 {
			t.Errorf("%s: no table rows beside the charts", url)
		}
	}
}

// TestChartsWithoutECharts: when ECharts cannot be fetched (a network
// that drops it), the empty chart boxes are hidden once the fetch fails,
// and the tables beside them stay.
func TestChartsWithoutECharts(t *testing.T) {
	srv := serveSite(t)
	ctx := testsite.Browser(t)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/assets/vendor/echarts/*", Block: true}},
	}); err != nil {
		t.Fatal(err)
	}
	url := srv.URL + "/en/compare/"
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(step, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	// Scrolled by the page itself: the box may be hidden while a scroll
	// action of the browser is still looking for it.
	_, err := chromedp.Run(step, chromedp.Evaluate[bool](`document.querySelector("div.chart").scrollIntoView(), true`))
	if err == nil {
		_, err = chromedp.Run(step, chromedp.Poll[bool](`Array.from(document.querySelectorAll("div.chart")).every(d => d.hidden && d.getBoundingClientRect().height === 0)`))
	}
	if err != nil {
		t.Fatalf("%s: the chart boxes stayed on the page without ECharts: %v", url, err)
	}
	if rows := testsite.Eval[int](t, ctx, `document.querySelectorAll(".chart-figure table tbody tr").length`); rows == 0 {
		t.Errorf("%s: no table rows beside the charts", url)
	}
}
