package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/net/html"

	"reportsite/internal/dataset"
	"reportsite/internal/testsite"
)

// The tests build the real site from the repository root.
var root = os.DirFS("../..")

var (
	buildOnce sync.Once
	built     *Output
	buildErr  error
)

func realSite(t *testing.T) *Output {
	t.Helper()
	buildOnce.Do(func() {
		out, errs := Build(root, Options{BaseURL: "/"})
		built, buildErr = out, errs.Err()
	})
	if buildErr != nil {
		t.Fatalf("Build: %v", buildErr)
	}
	return built
}

func TestBuildDeterministic(t *testing.T) {
	a := realSite(t)
	b, errs := Build(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("two builds: %d and %d files", len(a.Files), len(b.Files))
	}
	for p, data := range a.Files {
		if !bytes.Equal(data, b.Files[p]) {
			t.Errorf("two builds differ in %s", p)
		}
	}
}

func TestFixedURLs(t *testing.T) {
	out := realSite(t)
	want := []string{"index.html", "404.html", "sitemap.xml", "robots.txt", ".nojekyll",
		"data/figures.json", "data/figures.csv", "data/indicators.json", "assets/favicon.svg",
		"assets/vendor/echarts/echarts.min.js", "assets/vendor/echarts/LICENSE"}
	for _, lang := range []string{"zh", "en"} {
		for _, p := range []string{"index.html", "compare/index.html", "indicators/index.html", "data/index.html", "about/index.html",
			"reports/2020-chongqing-review/index.html", "reports/2020-sichuan-review/index.html", "reports/2021-chongqing-work-report/index.html",
			"reports/2021-2025-chongqing-plans/index.html", "reports/2024-chongqing-advanced-manufacturing/index.html",
			"years/2020/index.html", "years/2021/index.html", "years/2022/index.html", "years/2024/index.html", "years/2025/index.html",
			"indicators/industrial-value-added-growth/index.html"} {
			want = append(want, lang+"/"+p)
		}
	}
	for _, p := range want {
		if _, ok := out.Files[p]; !ok {
			t.Errorf("the site has no %s", p)
		}
	}
}

// page is a parsed HTML file of the built site.
type page struct {
	path  string
	doc   *html.Node
	ids   map[string]bool
	links []string // href and src values
}

func parsePages(t *testing.T, out *Output) map[string]*page {
	t.Helper()
	pages := map[string]*page{}
	for p, data := range out.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		pg := &page{path: p, doc: doc, ids: map[string]bool{}}
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					if pg.ids[a.Val] {
						t.Errorf("%s: duplicate id %q", p, a.Val)
					}
					pg.ids[a.Val] = true
				case "href", "src", "action":
					pg.links = append(pg.links, a.Val)
				}
			}
		})
		pages[p] = pg
	}
	return pages
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// TestInternalLinks follows every href and src of every page: the file must
// exist in the build, and a #fragment must be an id on the target page.
func TestInternalLinks(t *testing.T) {
	out := realSite(t)
	pages := parsePages(t, out)
	checked := 0
	for _, pg := range pages {
		base, _ := url.Parse("/" + pg.path)
		for _, link := range pg.links {
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q", pg.path, link)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				t.Errorf("%s: link to another site %q (the site must be self-contained)", pg.path, link)
				continue
			}
			if u.Path != "" && !strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: relative link %q; links are built from the base URL", pg.path, link)
			}
			target := base.ResolveReference(u)
			p := strings.TrimPrefix(target.Path, "/")
			if p == "" || strings.HasSuffix(p, "/") {
				p += "index.html"
			}
			if _, ok := out.Files[p]; !ok {
				t.Errorf("%s: broken link %q (no %s)", pg.path, link, p)
				continue
			}
			if frag := target.Fragment; frag != "" {
				tp := pages[p]
				if tp == nil || !tp.ids[frag] {
					t.Errorf("%s: link %q: %s has no id %q", pg.path, link, p, frag)
				}
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d links; the site should have many more", checked)
	}
}

// TestEveryPageDeclares checks what every page must declare: its language,
// a description, a favicon and its hreflang twin.
func TestEveryPageDeclares(t *testing.T) {
	out := realSite(t)
	for p, pg := range parsePages(t, out) {
		var lang, desc string
		icon, alternates := false, 0
		walk(pg.doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "html":
				lang = attr(n, "lang")
			case "meta":
				if attr(n, "name") == "description" {
					desc = attr(n, "content")
				}
			case "link":
				switch attr(n, "rel") {
				case "icon":
					icon = true
				case "alternate":
					if attr(n, "hreflang") != "" {
						alternates++
					}
				}
			}
		})
		if lang == "" || (strings.HasPrefix(p, "en/") && lang != "en") || (strings.HasPrefix(p, "zh/") && lang != "zh-Hans") {
			t.Errorf("%s: <html lang=%q>", p, lang)
		}
		if strings.TrimSpace(desc) == "" && p != "404.html" {
			t.Errorf("%s: no description", p)
		}
		if !icon {
			t.Errorf("%s: no favicon link", p)
		}
		if p != "404.html" && alternates < 2 {
			t.Errorf("%s: %d hreflang alternates, want both languages", p, alternates)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestEnglishPagesHaveNoChinese checks that the English pages' own text is
// English: Chinese may appear only inside elements marked lang="zh-…" (the
// originals, quotes and names shown on purpose).
func TestEnglishPagesHaveNoChinese(t *testing.T) {
	out := realSite(t)
	var bad []string
	for p, pg := range parsePages(t, out) {
		if !strings.HasPrefix(p, "en/") {
			continue
		}
		var visit func(n *html.Node, zh bool)
		visit = func(n *html.Node, zh bool) {
			if n.Type == html.ElementNode {
				if l := attr(n, "lang"); l != "" {
					zh = strings.HasPrefix(l, "zh")
				}
				if n.Data == "script" {
					return
				}
			}
			if n.Type == html.TextNode && !zh && hasHan(n.Data) {
				bad = append(bad, fmt.Sprintf("%s: %q", p, strings.TrimSpace(n.Data)))
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, zh)
			}
		}
		visit(pg.doc, false)
	}
	sort.Strings(bad)
	for i, b := range bad {
		if i == 20 {
			t.Errorf("… and %d more", len(bad)-20)
			break
		}
		t.Errorf("Chinese text outside a lang=zh element: %s", b)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestSubPath builds for a GitHub project site and checks that every link
// stays below the base path.
func TestSubPath(t *testing.T) {
	out, errs := Build(root, Options{BaseURL: "https://owner.github.io/repo/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for p, pg := range parsePages(t, out) {
		for _, link := range pg.links {
			if strings.HasPrefix(link, "#") {
				continue
			}
			if !strings.HasPrefix(link, "https://owner.github.io/repo/") {
				t.Errorf("%s: link %q escapes the base URL", p, link)
			}
		}
	}
	if !bytes.Contains(out.Files["sitemap.xml"], []byte("<loc>https://owner.github.io/repo/en/</loc>")) {
		t.Error("sitemap.xml does not use the absolute base URL")
	}
	if !bytes.Contains(out.Files["robots.txt"], []byte("Sitemap: https://owner.github.io/repo/sitemap.xml")) {
		t.Error("robots.txt does not point at the sitemap")
	}
	_ = path.Join
}

// TestEveryFigureMarked checks that every figure is marked in its sentence
// on both report pages, linked to its row on its indicator's page, and
// listed under its paragraph.
func TestEveryFigureMarked(t *testing.T) {
	out := realSite(t)
	s, _ := Load(root, Options{BaseURL: "/"})
	for _, f := range s.Data.Figures {
		for _, lang := range []string{"zh", "en"} {
			page := string(out.Files[lang+"/reports/"+f.ReportID+"/index.html"])
			link := `class="figref" href="/` + lang + `/indicators/` + f.IndicatorID + `/#f-` + f.ID + `"`
			if !strings.Contains(page, link) {
				t.Errorf("%s: figure %s is not marked in its sentence", lang, f.ID)
			}
			if !strings.Contains(page, `<li id="f-`+f.ID+`">`) {
				t.Errorf("%s: figure %s is not listed under its paragraph", lang, f.ID)
			}
			ind := string(out.Files[lang+"/indicators/"+f.IndicatorID+"/index.html"])
			if !strings.Contains(ind, `<tr id="f-`+f.ID+`">`) {
				t.Errorf("%s: figure %s has no row on its indicator page", lang, f.ID)
			}
		}
	}
}

// TestNoReloadScriptInBuild keeps serve's live-reload script out of the
// published site; it is added only by serve.
func TestNoReloadScriptInBuild(t *testing.T) {
	for p, b := range realSite(t).Files {
		if bytes.Contains(b, []byte("_reportsite")) {
			t.Errorf("%s mentions serve's reload endpoint", p)
		}
	}
	out, errs := Build(root, Options{BaseURL: "/", LiveReload: true})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if !bytes.Contains(out.Files["en/index.html"], []byte(`<script src="/_reportsite/reload.js" defer></script>`)) {
		t.Error("LiveReload does not add the reload script")
	}
}

// TestNoComparablePairs builds a site in which no figure of Sichuan is
// left: there is nothing to compare, and the pages say so instead of
// failing.
func TestNoComparablePairs(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, ".git") || strings.HasPrefix(p, "public") {
			return err
		}
		b, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["data/figures/2020-sichuan-review.toml"] = &fstest.MapFile{}
	fsys["data/site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["data/site.toml"].Data), `"sc-2020-ind-va-growth",`, "", 1))}
	out, errs := Build(fsys, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if !strings.Contains(string(out.Files["en/compare/index.html"]), "No indicator") {
		t.Errorf("the compare page does not say there is nothing to compare")
	}
}

// TestEnglishNumbersAgree scans the text of every English page for a plural
// noun right after the number 1 ("1 figures", "1 national industrial
// clusters"): every noun the site writes after a number — what indicators
// count, units, and the nouns of the interface's plural strings — must
// agree with it.
func TestEnglishNumbersAgree(t *testing.T) {
	out := realSite(t)
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	plurals := map[string]bool{"places": true}
	lastWord := func(s string) string { f := strings.Fields(s); return strings.ToLower(f[len(f)-1]) }
	for _, in := range s.Data.Indicators {
		if in.CountsEnPlural != "" && in.CountsEnPlural != in.CountsEn {
			plurals[lastWord(in.CountsEnPlural)] = true
		}
	}
	for _, u := range dataset.BaseUnits {
		if u.Other != u.One {
			plurals[lastWord(u.Other)] = true
		}
	}
	for key, v := range s.Strings["en"] {
		if strings.HasSuffix(key, ".other") {
			if m := regexp.MustCompile(`%d (\w+s)\b`).FindStringSubmatch(v); m != nil {
				plurals[m[1]] = true
			}
		}
	}
	var words []string
	for w := range plurals {
		words = append(words, regexp.QuoteMeta(w))
	}
	sort.Strings(words)
	re := regexp.MustCompile(`(?:^|[^\d.,–\-])1 (?:[A-Za-z-]+ ){0,3}?(` + strings.Join(words, "|") + `)\b`)
	checked := 0
	for p, pg := range parsePages(t, out) {
		if !strings.HasPrefix(p, "en/") {
			continue
		}
		checked++
		text := englishText(pg.doc)
		for _, m := range re.FindAllString(text, -1) {
			t.Errorf("%s: %q: a plural after 1", p, strings.TrimSpace(m))
		}
	}
	if checked < 200 {
		t.Errorf("only %d English pages checked", checked)
	}
	t.Logf("%d English pages, %d plural nouns", checked, len(plurals))
}

// englishText is the visible text of a page outside elements in Chinese,
// one line per block.
func englishText(n *html.Node) string {
	var b strings.Builder
	var walkText func(*html.Node)
	walkText = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "head":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && strings.HasPrefix(a.Val, "zh") {
					return
				}
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walkText(c)
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "li" || n.Data == "td" || n.Data == "th" || n.Data == "div" || n.Data == "h2") {
			b.WriteString("\n")
		}
	}
	walkText(n)
	return b.String()
}

// TestEditingAFigureUpdatesTargets edits the figure a target's status rests
// on — Chongqing's 183 smart factories, which give 78 new ones since 2021
// against the plan's 50 — and rebuilds: every status that depends on it
// changes, in the export and on the page.
func TestEditingAFigureUpdatesTargets(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "data/") || strings.HasPrefix(p, "seeds/") || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "layouts/")) {
			return err
		}
		b, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	status := func(out *Output, id string) string {
		t.Helper()
		var recs []struct{ ID, Status string }
		if err := json.Unmarshal(out.Files["data/targets.json"], &recs); err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.ID == id {
				return r.Status
			}
		}
		t.Fatalf("no target %s", id)
		return ""
	}
	const plan, year = "cq-plan-smart-factories-new-target-2021-2025", "cq-2021-smart-factories-new-target-2022"
	before, errs := Build(fsys, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if got := status(before, plan); got != "met" {
		t.Fatalf("before the edit: %s is %s, want met", plan, got)
	}
	// The editor files the 183 as the total at the end of 2021 instead.
	file := "data/figures/2024-chongqing-advanced-manufacturing.toml"
	src := string(fsys[file].Data)
	edited := strings.Replace(src, "id         = \"cq-2024-smart-factories-total\"\nindicator  = \"smart-factories\"\nregion     = \"chongqing\"\nperiod     = \"2024-01..2024-08\"",
		"id         = \"cq-2024-smart-factories-total\"\nindicator  = \"smart-factories\"\nregion     = \"chongqing\"\nperiod     = \"2022\"", 1)
	if edited == src {
		t.Fatal("the figure to edit is not in the file")
	}
	fsys[file] = &fstest.MapFile{Data: []byte(edited)}
	after, errs := Build(fsys, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	// 183 at the end of 2022 is 78 new since 2021: the plan's target is
	// still met, and the 2022 target of 10 new ones is now met too, by the
	// totals at the two ends of 2022.
	if got := status(after, plan); got != "met" {
		t.Errorf("after the edit: %s is %s, want met", plan, got)
	}
	if b, a := status(before, year), status(after, year); b == a || a != "met" {
		t.Errorf("%s: %s before the edit, %s after; want a change to met", year, b, a)
	}
	if !strings.Contains(string(after.Files["en/targets/index.html"]), `id="t-`+year+`"`) {
		t.Fatal("the targets page has no row for the target")
	}
	page := string(after.Files["en/targets/index.html"])
	row := page[strings.Index(page, `id="t-`+year+`"`):]
	if !strings.Contains(row[:strings.Index(row, "</h4>")], "status-met") {
		t.Errorf("the targets page does not show the new status of %s", year)
	}
}

// TestNothingLeftOutOfCharts: every figure of every indicator is drawn in
// one of its charts, or listed under them with the reason (a number quoted
// in several places is drawn once).
func TestNothingLeftOutOfCharts(t *testing.T) {
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for _, lang := range s.Languages {
		for _, in := range s.Data.Indicators {
			ic := s.indicatorCharts[lang+":"+in.ID]
			seen := map[*dataset.Figure]int{}
			for _, c := range ic.Charts {
				for _, f := range c.Figures {
					seen[f]++
				}
			}
			for _, o := range ic.Omitted {
				if o.Reason == "" || !s.Strings.Has(lang, o.Reason) {
					t.Errorf("%s %s: %s left out without a reason (%q)", lang, in.ID, o.Figure.ID, o.Reason)
				}
				seen[o.Figure]++
			}
			for _, f := range dataset.Distinct(s.Data.Measures(in)) {
				if seen[f] != 1 {
					t.Errorf("%s %s: figure %s is drawn or listed %d times", lang, in.ID, f.ID, seen[f])
				}
			}
		}
	}
}

// TestTypographicApostrophes: the English edition uses one apostrophe, ’.
func TestTypographicApostrophes(t *testing.T) {
	re := regexp.MustCompile(`[A-Za-z]'[A-Za-z]`)
	for p, pg := range parsePages(t, realSite(t)) {
		if !strings.HasPrefix(p, "en/") {
			continue
		}
		for _, m := range re.FindAllString(englishText(pg.doc), 3) {
			t.Errorf("%s: a straight apostrophe in %q", p, m)
		}
	}
}

func TestGlossaryCheck(t *testing.T) {
	smart := &Term{Zh: "智能工厂", ZhHant: "智能工廠", En: "smart factory", EnForms: []string{"smart factory", "smart factories"}}
	tech := &Term{Zh: "技术改造", En: "technological transformation"}
	city := &Term{Zh: "市", En: "Municipal", Unchecked: true}
	zone := &Term{Zh: "两江新区", En: "Liangjiang New Area"}
	ix := newGlossaryIndex([]*Term{smart, tech, city, zone})
	for _, tc := range []struct {
		zh   string
		want []*Term
	}{
		{"建成智能工厂105个，推进技术改造", []*Term{smart, tech}},
		{"建設智能工廠", []*Term{smart}},
		{"全市工业", nil},
		{"技术技术改造", []*Term{tech}},
		// a character whose bit in the index is a term's first (智, U+667A)
		{"\U0001667A能工厂", nil},
	} {
		if got := ix.terms(tc.zh); !slices.Equal(got, tc.want) {
			t.Errorf("terms(%q) = %v, want %v", tc.zh, got, tc.want)
		}
	}
	if !ix.rendered(smart, []byte("105 smart factories were built")) || ix.rendered(tech, []byte("technical upgrading")) || !ix.rendered(zone, []byte("in the liangjiang new area")) {
		t.Error("rendered")
	}
}

// TestWriteEsc checks the escaping writers against html/template's own
// escaping: writeEsc against HTMLEscapeString, writeLayoutEsc against what
// a layout prints; short texts and long ones (searched otherwise), with
// the bytes to replace first, last, together and apart.
func TestWriteEsc(t *testing.T) {
	layout := template.Must(template.New("").Parse(`{{.}}`))
	long := strings.Repeat("增长5.5%，", 20)
	for _, s := range []string{"", "plain", "<b>&\"'</b>", "a\x00b", "增长5.5%", "&&", "<", "x>", "5G+", "+",
		long, "<" + long, long + ">", long + "&" + long + "'\x00\"+" + long, strings.Repeat("<>&\"'+\x00", 20)} {
		var b bytes.Buffer
		writeEsc(&b, s)
		if got, want := b.String(), template.HTMLEscapeString(s); got != want {
			t.Errorf("writeEsc(%q) = %q, want %q", s, got, want)
		}
		b.Reset()
		writeLayoutEsc(&b, s)
		var want strings.Builder
		if err := layout.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != want.String() {
			t.Errorf("writeLayoutEsc(%q) = %q, want %q", s, got, want.String())
		}
	}
}

// TestYearPagesDoNotGrowWithCopies checks that a year's page lists each
// target once however many reports quote it, and at most MaxYearTargets.
func TestYearPagesDoNotGrowWithCopies(t *testing.T) {
	real, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	big, errs := Load(testsite.Synthetic(t, 30), Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for _, y := range real.Years {
		want := real.yearPage(y, "en")
		got := big.yearPage(y, "en")
		if len(got.Targets) != len(want.Targets) || got.MoreTargets != 0 {
			t.Errorf("year %d of 30 reports lists %d targets (%d more), want %d as in the real site", y, len(got.Targets), got.MoreTargets, len(want.Targets))
		}
	}
	figs := real.Data.Figures
	for _, n := range []int{0, 1, len(figs) - 1, len(figs), len(figs) + 1} {
		shown, more := firstOf(figs, n)
		if len(shown) != min(n, len(figs)) || len(shown)+more != len(figs) {
			t.Errorf("firstOf(%d figures, %d) = %d and %d more", len(figs), n, len(shown), more)
		}
	}
}

// TestSharedFrame checks, on every page with a header, the parts of the
// frame that are rendered once per kind of page (head-shared, the header,
// page-end) against the page itself: the navigation marks the page's own
// section, the link to the other language leads to the page's twin, and
// the head has the stylesheet and the card once, so that a fragment kept
// under too coarse a key would show.
func TestSharedFrame(t *testing.T) {
	out := realSite(t)
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	section := map[string]string{}
	for _, p := range s.pages {
		section[p.File] = p.Section
	}
	sectionPath := map[string]string{"home": "", "compare": "compare/", "targets": "targets/", "indicators": "indicators/", "data": "data/", "about": "about/"}
	pages := parsePages(t, out)
	for path, pg := range pages {
		lang, _, _ := strings.Cut(path, "/")
		if lang != "zh" && lang != "en" {
			continue
		}
		var current []string
		var twin, alternate string
		stylesheets, siteNames := 0, 0
		walk(pg.doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch {
			case n.Data == "a" && attr(n, "aria-current") == "page" && n.Parent != nil && attr(n.Parent, "class") == "site-nav":
				current = append(current, attr(n, "href"))
			case n.Data == "a" && attr(n, "class") == "lang-switch":
				twin = attr(n, "href")
			case n.Data == "link" && attr(n, "rel") == "alternate" && attr(n, "hreflang") == map[string]string{"zh": "en", "en": "zh-Hans"}[lang]:
				alternate = attr(n, "href")
			case n.Data == "link" && attr(n, "rel") == "stylesheet":
				stylesheets++
			case n.Data == "meta" && attr(n, "property") == "og:site_name":
				siteNames++
			}
		})
		want, marked := sectionPath[section[path]]
		switch {
		case marked && (len(current) != 1 || current[0] != "/"+lang+"/"+want):
			t.Errorf("%s (section %s): the navigation marks %v as the current page, want /%s/%s", path, section[path], current, lang, want)
		case !marked && len(current) != 0:
			t.Errorf("%s (section %s): the navigation marks %v as the current page", path, section[path], current)
		}
		if twin == "" || twin != alternate {
			t.Errorf("%s: the link to the other language is %q, its alternate %q", path, twin, alternate)
		}
		if stylesheets != 1 || siteNames != 1 {
			t.Errorf("%s: %d stylesheets and %d og:site_name, want one each", path, stylesheets, siteNames)
		}
	}
}

// TestEmitInPlace checks that a part a layout has written in Go straight
// into the page (a report's body, its table of figures) is the markup the
// same method returns outside a page, at the place of the call.
func TestEmitInPlace(t *testing.T) {
	out := realSite(t)
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	checked := 0
	for _, p := range s.pages {
		if p.Layout != "report" {
			continue
		}
		pg := *p
		pg.fill(&pg)
		rp := pg.Data.(*ReportPage)
		v := &View{Page: &pg, Site: s} // no page being written: the markup is returned
		body, rows := string(v.Body(rp)), string(v.Rows(v.Table(rp.Figures, false)))
		if body == "" || rows == "" {
			t.Fatalf("%s: empty body or rows", p.File)
		}
		page := string(out.Files[p.File])
		before, after, ok := strings.Cut(page, body)
		if !ok {
			t.Errorf("%s: the page does not hold its body as Body returns it", p.File)
			continue
		}
		if !strings.HasSuffix(before, `<div class="report-body"`+map[bool]string{true: ` lang="zh-Hans">`, false: ">"}[p.Lang == "zh"]+"\n") && !strings.HasSuffix(before, ">\n") {
			t.Errorf("%s: the body is not where the layout calls it", p.File)
		}
		if !strings.Contains(after, rows) {
			t.Errorf("%s: the table of figures is not as Rows returns it, after the body", p.File)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no report pages")
	}
}

// TestSentenceAround checks where the English sentence of a figure starts
// and ends: at . ! ? or ; before a space, but not after an abbreviation or
// inside a number.
func TestSentenceAround(t *testing.T) {
	for _, tc := range []struct{ text, quote, want string }{
		{"First. Output grew 5.5% in 2020. Last.", "5.5%", "Output grew 5.5% in 2020."},
		{"Firms (e.g. Changan) grew 3%; exports fell.", "3%", "Firms (e.g. Changan) grew 3%;"},
		{"See No. 5 for 12 plants! Done.", "12 plants", "See No. 5 for 12 plants!"},
		{"U.S. firms built 4 lines? Yes.", "4 lines", "U.S. firms built 4 lines?"},
		{"Volvo. No. 3 rose by 7%.", "7%", "No. 3 rose by 7%."},
		{"It rose by 2%", "2%", "It rose by 2%"},
		{"Bono. Up 9%.", "9%", "Up 9%."}, // "Bono" ends in "no" but is no abbreviation
	} {
		start := strings.Index(tc.text, tc.quote)
		if got := sentenceAround(tc.text, start, start+len(tc.quote)); got != tc.want {
			t.Errorf("sentenceAround(%q, %q) = %q, want %q", tc.text, tc.quote, got, tc.want)
		}
	}
}

// TestContents checks a report's table of contents as written in Go: nested
// lists, escaped as the layout's partial escaped them (+ as &#43;), and on
// the real 2024 report's pages, one link for each of its headings.
func TestContents(t *testing.T) {
	toc := []*TOCEntry{{ID: "h-1", Text: "5G+工业互联网", Children: []*TOCEntry{{ID: "h-2", Text: `R&D "A"`}}}, {ID: "h-3", Text: "<b>"}}
	got := string((&View{Page: &Page{}}).Contents(toc))
	want := `<ol><li><a href="#h-1">5G&#43;工业互联网</a><ol><li><a href="#h-2">R&amp;D &#34;A&#34;</a></li></ol></li><li><a href="#h-3">&lt;b&gt;</a></li></ol>`
	if got != want {
		t.Errorf("Contents:\n got %s\nwant %s", got, want)
	}
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	r := s.Data.Report("2024-chongqing-advanced-manufacturing")
	for _, lang := range []string{"zh", "en"} {
		rp := s.reportPage(r, lang)
		html := string((&View{Page: &Page{Lang: lang}, Site: s}).Contents(rp.TOC))
		n := 0
		var count func([]*TOCEntry)
		count = func(es []*TOCEntry) {
			for _, e := range es {
				n++
				if !strings.Contains(html, `<a href="#`+e.ID+`">`) {
					t.Errorf("%s: no link to %s", lang, e.ID)
				}
				count(e.Children)
			}
		}
		count(rp.TOC)
		if n < 5 || strings.Count(html, "<li>") != n {
			t.Errorf("%s: %d headings, %d items", lang, n, strings.Count(html, "<li>"))
		}
	}
}
