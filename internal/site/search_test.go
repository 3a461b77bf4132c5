package site

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	searchOnce  sync.Once
	searchBuilt *Output
	searchErr   error
)

// searchSite is the real site as a build with a search index writes it,
// under a sub-path.
func searchSite(t *testing.T) *Output {
	t.Helper()
	searchOnce.Do(func() {
		out, errs := Build(root, Options{BaseURL: "/repo/", Search: true})
		searchBuilt, searchErr = out, errs.Err()
	})
	if searchErr != nil {
		t.Fatalf("Build: %v", searchErr)
	}
	return searchBuilt
}

// TestSearchBox: every page in a language has the header's search form,
// which opens that language's search page (below the base URL) with ?q=,
// and has a label; the search page has its own form instead.
func TestSearchBox(t *testing.T) {
	out := searchSite(t)
	box := regexp.MustCompile(`<form class="site-search" role="search" action="([^"]*)" method="get">\s*<label class="visually-hidden" for="site-search-q">[^<]+</label>\s*<input id="site-search-q" type="search" name="q"`)
	pages := 0
	for p, b := range out.Files {
		lang, _, _ := strings.Cut(p, "/")
		if !strings.HasSuffix(p, ".html") || (lang != "zh" && lang != "en") {
			continue
		}
		pages++
		m := box.FindAllSubmatch(b, -1)
		switch {
		case p == lang+"/search/index.html":
			if len(m) != 0 || !strings.Contains(string(b), `<form id="search" class="search-form" role="search" action="/repo/`+lang+`/search/" method="get"`) {
				t.Errorf("%s: want the search page's own form and no header box", p)
			}
		case len(m) != 1:
			t.Errorf("%s: %d header search forms, want 1", p, len(m))
		case string(m[0][1]) != "/repo/"+lang+"/search/":
			t.Errorf("%s: the search form goes to %s, want /repo/%s/search/", p, m[0][1], lang)
		}
	}
	if pages < 500 {
		t.Errorf("only %d pages checked", pages)
	}
}

// TestSearchPage: with an index, the search page loads the search script
// and names where the index is, below the base URL, with a filter for each
// region, year and report, and its strings in its language; no other page
// loads it. Without an index, the page says that search is not available
// and loads no script.
func TestSearchPage(t *testing.T) {
	out := searchSite(t)
	for p, b := range out.Files {
		if strings.HasSuffix(p, ".html") && strings.Contains(string(b), "search.js") != (p == "zh/search/index.html" || p == "en/search/index.html") {
			t.Errorf("%s: loads search.js: %v", p, !strings.Contains(string(b), "search.js"))
		}
	}
	en := string(out.Files["en/search/index.html"])
	for _, want := range []string{
		`data-bundle="/repo/pagefind/"`,
		`<script src="/repo/assets/js/search.js" defer></script>`,
		`<label for="search-q">Search the reports</label>`,
		`<input type="checkbox" name="region" value="chongqing"> <span>Chongqing</span>`,
		`<input type="checkbox" name="region" value="sichuan"> <span>Sichuan</span>`,
		`<input type="checkbox" name="year" value="2020"> <span>2020</span>`,
		`<input type="checkbox" name="report" value="2024-chongqing-advanced-manufacturing"> <span>Report of the Chongqing Municipal People’s Government`,
		`"results.one":"%d page found for “%s”."`,
		`role="status" aria-live="polite"`,
		`<a href="/repo/zh/search/" hreflang="zh-Hans" lang="zh-Hans" class="search-twin">`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en/search/index.html lacks %s", want)
		}
	}
	zh := string(out.Files["zh/search/index.html"])
	if !strings.Contains(zh, `<span lang="zh-Hant">重慶市人民政府辦公廳`) || !strings.Contains(zh, `"results.other":"找到 %d 个与“%s”相关的页面。"`) {
		t.Error("zh/search/index.html: the Traditional title is not marked zh-Hant, or the strings are not Chinese")
	}

	plain := realSite(t)
	for _, p := range []string{"en/search/index.html", "zh/search/index.html"} {
		page := string(plain.Files[p])
		if !strings.Contains(page, `class="note search-unavailable"`) || strings.Contains(page, "<script") || strings.Contains(page, "data-bundle") {
			t.Errorf("%s, built without an index: does not say search is unavailable, or loads a script", p)
		}
	}
	if strings.Contains(string(plain.Files["sitemap.xml"]), "/search/") {
		t.Error("sitemap.xml lists the search pages")
	}
}

// TestSearchIndexMarkup checks what the layouts tell Pagefind: which pages
// are indexed, the tags of a report page, and that every paragraph is a
// part a result can link to, while what repeats the text is left out.
func TestSearchIndexMarkup(t *testing.T) {
	out := realSite(t)
	for p, b := range out.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		indexed := strings.Contains(string(b), "data-pagefind-body")
		_, rest, _ := strings.Cut(p, "/")
		want := slices.ContainsFunc([]string{"index.html", "reports/", "years/", "indicators/", "about/", "data/"}, func(prefix string) bool {
			return strings.HasPrefix(rest, prefix)
		}) && rest != "indicators/index.html" && p != "index.html"
		if indexed != want {
			t.Errorf("%s: indexed for search: %v, want %v", p, indexed, want)
		}
	}

	page := string(out.Files["en/reports/2020-chongqing-review/index.html"])
	for _, want := range []string{
		`<article class="report" data-pagefind-body>`,
		`<span data-pagefind-meta="kicker:Annual review · Chongqing · 2020"></span>`,
		`<span data-pagefind-filter="group:text"></span><span data-pagefind-filter="region:chongqing"></span><span data-pagefind-filter="report:2020-chongqing-review"></span><span data-pagefind-filter="year:2020"></span>`,
		`<details class="original" data-pagefind-ignore>`,
		`<details class="para-figures" data-pagefind-ignore>`,
		`<aside class="highlight" data-pagefind-ignore`,
		`<section id="figures" class="report-figures" data-pagefind-ignore>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("en/reports/2020-chongqing-review/: lacks %s", want)
		}
	}
	paragraphs := regexp.MustCompile(`<p id="(p-\d+)"( data-pagefind-title="(p-\d+)")?`).FindAllStringSubmatch(page, -1)
	if len(paragraphs) < 10 {
		t.Fatalf("only %d paragraphs found", len(paragraphs))
	}
	for _, m := range paragraphs {
		if m[3] != m[1] {
			t.Errorf("paragraph %s is not a part of the page for search (data-pagefind-title=%q)", m[1], m[3])
		}
	}
	if ind := string(out.Files["zh/indicators/smart-factories/index.html"]); !strings.Contains(ind, `<span data-pagefind-filter="group:reference"></span>`) {
		t.Error("an indicator page is not in the group listed after the reports")
	}
}
