package site

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// The markup written in Go in place of a layout's (rows.go, lists.go,
// frame.go) is tested against the layout it replaced: each test keeps that
// layout's template as its reference and runs both over the real site and
// over values with every character to escape.

// asTemplate checks that got, written in Go, is what the reference
// template writes for data.
func asTemplate(t *testing.T, name string, ref *template.Template, data any, got template.HTML) {
	t.Helper()
	var want strings.Builder
	if err := ref.Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want.String())
	}
}

// loadWithOddBase loads the real site with a base URL that has characters
// to escape.
func loadWithOddBase(t *testing.T) *Site {
	t.Helper()
	s, errs := Load(root, Options{BaseURL: "https://ex.org/a&b/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return s
}

// TestWriteURL checks writeURL and writeURLPart against what a layout
// prints for an address in href="{{.}}" and for a part of one in
// href="#t-{{.}}".
func TestWriteURL(t *testing.T) {
	layout := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	part := template.Must(template.New("").Parse(`<a href="#t-{{.}}">`))
	for _, s := range []string{"", "/", "/en/indicators/smart-factories/#f-cq-2021-x", "https://ex.org/a&b/",
		"https://OWNER.github.io/REPO/en/", "/报告/zh/", "/a b/", "/a+b/", "/%41/", "/it's/", `/"q"/`, "/<x>/",
		"/a\x00b", "/a\\b", "/(x)/", "/~_.-/", "/?q=1&r=2#f", "/{}|^`/", "/!$*,;=:@[]/", "\xff\xfe", "mailto:x@y.org", "javascript:alert(1)", "JavaScript:x", "data:text/html,x", "/a:b", "HTTPS://ex.org/"} {
		var want strings.Builder
		if err := layout.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		writeURL(&b, s)
		if got, w := b.String(), strings.TrimSuffix(strings.TrimPrefix(want.String(), `<a href="`), `">`); got != w {
			t.Errorf("writeURL(%q) = %q, want %q", s, got, w)
		}
		want.Reset()
		if err := part.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		writeURLPart(&b, s)
		if got, w := b.String(), strings.TrimSuffix(strings.TrimPrefix(want.String(), `<a href="#t-`), `">`); got != w {
			t.Errorf("writeURLPart(%q) = %q, want %q", s, got, w)
		}
	}
}

// yearRowsLayout is the year table's rows as layouts/year.html wrote them
// before View.YearRows wrote them in Go: the reference for its markup.
const yearRowsLayout = `{{$v := .V}}{{range .Y.Rows}}{{$url := .URL}}<tr><th scope="row"><a href="{{$url}}">{{.Name}}</a></th>
{{range .Cells}}<td data-label="{{.Region}}">{{range .Figures}}<span class="year-value"><a href="{{.URL}}" title="{{.Quote}}">{{.Value}}</a> <span class="card-meta">{{.Period}}{{if not .Actual}} · {{.Kind}}{{end}}{{if .Cumulative}} · {{$v.T "fig.cumulative"}}{{end}}{{if .PeriodInferred}} · {{$v.T "fig.period_inferred"}}{{end}}</span></span>{{end}}{{if .More}}<a class="more" href="{{$url}}">{{.MoreText}}</a>{{end}}</td>{{end}}</tr>
{{end}}`

// TestYearRowsAsTemplate checks that View.YearRows writes the year
// table's rows as the layout did: the real site's year pages in both
// languages, and a row of values with every character to escape.
func TestYearRowsAsTemplate(t *testing.T) {
	s := loadWithOddBase(t)
	ref := template.Must(template.New("").Parse(yearRowsLayout))
	odd := FigureItem{Value: "<5+5>", Period: "2021–2025 & \"later\"", Kind: "it's a target", URL: "/报告/x y/#f-1+2",
		Quote: `"增长" <b>&</b> 'x'+1`, Cumulative: true, PeriodInferred: true}
	pages := []*YearPage{{Rows: []*YearRow{{Name: "A & <B>", URL: "/a+b/?x=1&y=2", Cells: []YearCell{
		{Region: "Chongqing \"CQ\"", Figures: []FigureItem{odd, {Value: "1", Period: "2021", Actual: true, URL: "/x/"}}, More: 2, MoreText: "2 more <…>"},
		{Region: "Sichuan"}}}}}}
	for _, y := range s.Years {
		for _, lang := range s.Languages {
			pages = append(pages, s.yearPage(y, lang))
		}
	}
	for _, lang := range s.Languages {
		v := &View{Page: &Page{Lang: lang}, Site: s}
		for _, y := range pages {
			asTemplate(t, fmt.Sprintf("YearRows(%d, %s)", y.Year, lang), ref, map[string]any{"V": v, "Y": y}, v.YearRows(y))
		}
	}
}

// targetRowsLayout is the rows of the targets page's table as
// layouts/targets.html wrote them before View.TargetRows wrote them in Go.
const targetRowsLayout = `{{$v := .V}}{{$lStatus := $v.T "targets.status"}}{{$lIndicator := $v.T "fig.indicator"}}{{$lRegion := $v.T "fig.region"}}{{$lTarget := $v.T "targets.target"}}{{$lLatest := $v.T "targets.latest"}}{{range .TP.AllItems}}<tr><td data-label="{{$lStatus}}" data-sort="{{.Status}}"><a class="status status-{{.Status}}" href="#t-{{.ID}}">{{.StatusLabel}}</a></td>
<td data-label="{{$lIndicator}}"><a href="{{.IndicatorURL}}">{{.IndicatorName}}</a></td>
<td data-label="{{$lRegion}}">{{.Region}}</td>
<td data-label="{{$lTarget}}" data-sort="{{.PeriodTo}}">{{.Value}} · {{.Period}}</td>
<td data-label="{{$lLatest}}">{{.Progress}}</td></tr>
{{end}}`

// TestTargetRowsAsTemplate checks that View.TargetRows writes the rows of
// the table of all targets as the layout did: the real site's in both
// languages, and a row with every character to escape.
func TestTargetRowsAsTemplate(t *testing.T) {
	s := loadWithOddBase(t)
	ref := template.Must(template.New("").Parse(targetRowsLayout))
	odd := &TargetsPage{AllItems: []*TargetItem{{ID: "x y/+&é", Status: `on"track'`, StatusLabel: "<on> & track", IndicatorURL: "/报告/a+b/?x=1&y=2",
		IndicatorName: "R&D <share>", Region: "Chongqing's", Value: "5+%", Period: "2021–2025", PeriodTo: 24311, Progress: `"—"`}}}
	for _, lang := range s.Languages {
		v := &View{Page: &Page{Lang: lang}, Site: s}
		tp := s.targetsPage()
		tp.describe(v)
		for _, tp := range []*TargetsPage{odd, tp} {
			asTemplate(t, "TargetRows("+lang+")", ref, map[string]any{"V": v, "TP": tp}, v.TargetRows(tp))
		}
		if len(tp.AllItems) == 0 {
			t.Errorf("%s: no targets to compare", lang)
		}
	}
}

// TestListsAsTemplate checks that the lists written in Go (lists.go) are
// as their layouts wrote them: the real site's, in both languages, and
// items with every character to escape.
func TestListsAsTemplate(t *testing.T) {
	s := loadWithOddBase(t)
	omitted := template.Must(template.New("").Parse(`{{range .}}<li><a href="#f-{{.ID}}">{{.Value}}</a> · {{.Region}} · {{.Period}} · {{.Kind}} — {{.Reason}}</li>{{end}}`))
	links := template.Must(template.New("").Parse(`{{range .}}<li><a href="{{.URL}}">{{.Name}}</a> <span class="card-meta">{{.Count}}</span></li>{{end}}`))
	check := func(name string, ref *template.Template, data any, got template.HTML) {
		asTemplate(t, name, ref, data, got)
	}
	oddItems := []FigureItem{{ID: "x y/+&é", Value: "<5+5>", Region: `"CQ"`, Period: "2021–2025 & later", Kind: "it's", Reason: "a <b>reason</b> + more"}, {ID: "a"}}
	oddLinks := []IndicatorLink{{URL: "/报告/a+b/?x=1&y=2", Name: "R&D <share>", Count: `"3" + 1`}}
	compared := 0
	for _, lang := range s.Languages {
		v := &View{Page: &Page{Lang: lang}, Site: s}
		check("OmittedItems(odd)", omitted, oddItems, v.OmittedItems(oddItems))
		check("IndicatorLinks(odd)", links, oddLinks, v.IndicatorLinks(oddLinks))
		for _, in := range s.Data.Indicators {
			ip := s.indicatorPage(v, in, s.indicatorCharts[lang+":"+in.ID])
			check("OmittedItems("+in.ID+")", omitted, ip.Omitted, v.OmittedItems(ip.Omitted))
			compared += len(ip.Omitted)
		}
		for _, sec := range s.indicatorIndex(v) {
			check("IndicatorLinks("+sec.Category+")", links, sec.Indicators, v.IndicatorLinks(sec.Indicators))
		}
	}
	if compared == 0 {
		t.Error("no figures not drawn to compare")
	}
}

// frameLayout is the head's links and card and the link to the other
// language as layouts/base.html and its partial "meta" wrote them before
// the frame wrote them in Go (Frame.Meta, Frame.LangSwitch).
const frameLayout = `{{range .Alternates}}<link rel="alternate" hreflang="{{.HrefLang}}" href="{{.Href}}">
{{end}}{{with .Canonical}}<link rel="canonical" href="{{.}}">
{{end}}<meta property="og:title" content="{{.PageTitle}}">
{{with .Description}}<meta property="og:description" content="{{.}}">
{{end}}{{with .Canonical}}<meta property="og:url" content="{{.}}">
{{end}}{{with .Published}}<meta property="article:published_time" content="{{.}}">
{{end}}{{with .StructuredData}}<script type="application/ld+json">{{.}}</script>
{{end}}|{{if .Twin}}<a class="lang-switch" href="{{.Twin}}" hreflang="{{.TwinLang}}" lang="{{.TwinLang}}">{{.TwinLabel}}</a>{{end}}`

// TestFrameAsTemplate checks that the frame writes each page's head and
// link to the other language as the layout did: every page of the real
// site, with two base URLs, and a page with every character to escape.
func TestFrameAsTemplate(t *testing.T) {
	ref := template.Must(template.New("").Parse(frameLayout))
	check := func(name string, m *pageMeta) {
		t.Helper()
		var got strings.Builder
		m.writeMeta(&got)
		got.WriteString("|")
		if m.twin != "" {
			m.writeLangSwitch(&got)
		}
		asTemplate(t, name, ref, map[string]any{"Alternates": m.alternates, "Canonical": m.canonical, "PageTitle": m.pageTitle,
			"Description": m.description, "Published": m.published, "StructuredData": m.structuredData,
			"Twin": m.twin, "TwinLang": m.twinLang, "TwinLabel": m.twinLabel}, template.HTML(got.String()))
	}
	check("odd", &pageMeta{alternates: []Alt{{"zh-Hans", "/报告/a+b/?x=1&y=2"}, {`e"n`, "https://ex.org/a&b/en/x y/"}},
		canonical: "https://ex.org/a&b/'x'/", pageTitle: `R&D <share> "5G" +1`, description: "it's <b>bold</b> & +",
		published: "2024-01-02", structuredData: template.JS(`{"name":"<\/script>&"}`), twin: "/a&b/<en>/", twinLang: "zh+Hans", twinLabel: "中文 & <en> +"})
	check("404", &pageMeta{pageTitle: "Not found"})
	for _, base := range []string{"/", "https://ex.org/a&b/"} {
		s, errs := Load(root, Options{BaseURL: base})
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		for _, page := range s.pages {
			if !strings.HasSuffix(page.File, ".html") {
				continue
			}
			p := *page
			if p.fill != nil {
				p.fill(&p)
			}
			m, err := (&View{Page: &p, Site: s}).pageMeta()
			if err != nil {
				t.Fatal(err)
			}
			check(base+" "+p.File, m)
		}
	}
}
