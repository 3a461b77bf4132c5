package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"reportsite/internal/search"
	"reportsite/internal/testsite"
)

// TestSearchInBrowser builds the real site with its search index, for a
// sub-path as on GitHub Pages, and searches it in headless Chromium as a
// reader does: types a term in the search box of a home page, presses
// Enter, follows the first result, and must land in a report, at a
// paragraph that holds the term. The results must be in the page's
// language, reports before indicator and year pages, and the filters must
// narrow them.
func TestSearchInBrowser(t *testing.T) {
	t.Setenv(search.EnvVar, testsite.Pagefind(t))
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := run("build", "-root", testsite.Root(), "-out", out, "-base-url", "/repo/")
	if code != 0 || !strings.Contains(stdout, "search index of") {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	t.Log(strings.TrimSpace(stdout))
	srv := httptest.NewServer(http.StripPrefix("/repo", http.FileServer(http.Dir(out))))
	defer srv.Close()
	ctx := testsite.Browser(t)
	js := testsite.WatchJS(t, ctx, false)
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	resultURLs := `Array.from(document.querySelectorAll("#search-results .search-result h2 a")).map(a => new URL(a.href).pathname)`

	for _, tc := range []struct{ lang, term, want string }{
		{"zh", "智能工厂", "智能工厂"},
		{"en", "smart factories", "smart factor"}, // factory or factories
	} {
		do(tc.lang+": searching from the home page",
			chromedp.Navigate(srv.URL+"/repo/"+tc.lang+"/"),
			chromedp.Focus("#site-search-q"),
			chromedp.SendKeys("#site-search-q", tc.term+"\r"),
			chromedp.WaitVisible("#search-results .search-hits a"),
		)
		if path := testsite.Eval[string](t, ctx, `location.pathname`); path != "/repo/"+tc.lang+"/search/" {
			t.Errorf("%s: the search box led to %s", tc.lang, path)
		}
		if q := testsite.Eval[string](t, ctx, `document.getElementById("search-q").value`); q != tc.term {
			t.Errorf("%s: the search page's box holds %q, want %q", tc.lang, q, tc.term)
		}
		// Ten results are shown at first; the rest come a button press
		// away.
		status := testsite.Eval[string](t, ctx, `document.getElementById("search-status").textContent`)
		var n int
		if m := regexp.MustCompile(`\d+`).FindString(status); m != "" {
			fmt.Sscan(m, &n)
		}
		if !strings.Contains(status, tc.term) || n == 0 {
			t.Errorf("%s: the status %q does not count the results for %q", tc.lang, status, tc.term)
		}
		if shown := testsite.Eval[int](t, ctx, `document.querySelectorAll("#search-results > li").length`); shown != min(n, 10) {
			t.Errorf("%s: %d results shown of %d, want %d", tc.lang, shown, n, min(n, 10))
		}
		for i := 0; testsite.Eval[bool](t, ctx, `!document.getElementById("search-more").hidden`) && i < 5; i++ {
			do(tc.lang+": showing more results", chromedp.Click("#search-more"),
				chromedp.WaitReady(fmt.Sprintf("#search-results > li:nth-child(%d)", min(n, 10*(i+2)))))
		}
		urls := testsite.Eval[[]string](t, ctx, resultURLs)
		if len(urls) != n {
			t.Errorf("%s: %d results in all, the status says %d", tc.lang, len(urls), n)
		}
		lastText, firstReference := -1, len(urls)
		for i, u := range urls {
			switch {
			case !strings.HasPrefix(u, "/repo/"+tc.lang+"/"):
				t.Errorf("%s: result %s is not in the page's language", tc.lang, u)
			case strings.Contains(u, "/indicators/") || strings.Contains(u, "/years/"):
				firstReference = min(firstReference, i)
			default:
				lastText = i
			}
		}
		if lastText > firstReference {
			t.Errorf("%s: an indicator or year page comes before a report or page:\n%s", tc.lang, strings.Join(urls, "\n"))
		}
		if twin := testsite.Eval[string](t, ctx, `document.querySelector(".lang-switch").getAttribute("href")`); !strings.Contains(twin, "?q=") {
			t.Errorf("%s: the other language's link %q does not carry the query", tc.lang, twin)
		}

		do(tc.lang+": following the first result",
			chromedp.Click("#search-results .search-result .search-hits a"),
			chromedp.WaitReady(".report-body"),
		)
		loc := testsite.Eval[[]string](t, ctx, `[location.pathname, location.hash]`)
		if !regexp.MustCompile(`^/repo/`+tc.lang+`/reports/[a-z0-9-]+/$`).MatchString(loc[0]) || !strings.HasPrefix(loc[1], "#p-") {
			t.Fatalf("%s: the first result led to %s%s, not to a paragraph of a report", tc.lang, loc[0], loc[1])
		}
		text := testsite.Eval[string](t, ctx, `document.getElementById(location.hash.slice(1)).textContent`)
		if !strings.Contains(strings.ToLower(text), tc.want) {
			t.Errorf("%s: the first result led to %s%s, whose text does not hold %q:\n%s", tc.lang, loc[0], loc[1], tc.want, text)
		}
		t.Logf("%s %q: %d results; the first leads to %s%s", tc.lang, tc.term, len(urls), loc[0], loc[1])
	}

	// A filter in the address is ticked, and narrows the results to the
	// pages it names.
	report := "2024-chongqing-advanced-manufacturing"
	do("filtering by report",
		chromedp.Navigate(srv.URL+"/repo/en/search/?q=smart+factories&report="+report),
		chromedp.WaitVisible("#search-results .search-hits a"),
	)
	for _, u := range testsite.Eval[[]string](t, ctx, resultURLs) {
		if u != "/repo/en/reports/"+report+"/" {
			t.Errorf("filtered by report %s, the results hold %s", report, u)
		}
	}
	if !testsite.Eval[bool](t, ctx, `document.querySelector('input[name="report"][value="`+report+`"]').checked`) {
		t.Error("the report filter in the address is not ticked")
	}
	// Each value of each filter shows how many pages found have it.
	if c := testsite.Eval[string](t, ctx, `document.querySelector('input[name="region"][value="chongqing"]').parentNode.querySelector("[data-count]").textContent`); c != "(1)" {
		t.Errorf("filtered by one Chongqing report, Chongqing counts %q, want (1)", c)
	}
	// Ticking a region narrows the results further, and goes into the
	// address.
	// No Sichuan report is the Chongqing report.
	do("ticking a region", chromedp.Click(`input[name="region"][value="sichuan"]`))
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	_, err := chromedp.Run(step, chromedp.Poll[bool](`new URLSearchParams(location.search).getAll("region").includes("sichuan") && document.getElementById("search-results").children.length === 0 && document.getElementById("search-status").textContent.includes("Nothing found")`))
	cancel()
	if err != nil {
		t.Errorf("ticking Sichuan did not empty the results of a Chongqing report, or did not go into the address: %v", err)
	}

	if problems := js.Take(); len(problems) > 0 {
		t.Errorf("JavaScript errors: %v", problems)
	}
}
