package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"reportsite/internal/dataset"
)

// Page is one file of the site produced by a layout.
type Page struct {
	URL         string // below the base, "" for the root, "zh/reports/x/" for a folder
	File        string // output path: "zh/reports/x/index.html"
	Lang        string // "zh", "en", or "" for a page in both languages
	Layout      string // the layout in layouts/, without .html
	Section     string // the navigation entry it belongs to
	Title       string
	Description string
	Data        any // the layout's own data
	Charts      []*Chart
	Script      string // a script of its own below the base (the targets page's table sorting), or ""
	// fill, if set, makes Data and Charts when the page is rendered: the
	// data of a page is made by the rendering worker and dropped after, so
	// that a large site's pages are not all in memory at once, and not made
	// at all when the page is taken from the last build.
	fill func(p *Page)
	// deps are what the page shows, for a build with a memo.
	deps pageDeps
}

// View is what a layout is executed with: the page, the site, and helpers
// that depend on the page's language.
type View struct {
	*Page
	Site *Site
	// out is the page being written, for the parts of it written in Go
	// (emit); nil when the view is not rendering a page.
	out *bytes.Buffer
}

// emit has write put its markup straight into the page being rendered, at
// the place where the layout calls the method, and gives the layout nothing
// to print. The parts written in Go — a report's body, the rows of a table
// — are most of the bytes of a large site, and a returned value would be
// copied twice more (html/template prints every value through fmt) and
// held in a string of its own. Such a method must be called only where its
// result is printed, as {{.Body $rp}} is, never kept in a variable; a view
// that renders no page gets the markup returned.
func (v *View) emit(write func(b *bytes.Buffer)) template.HTML {
	if v.out != nil {
		write(v.out)
		return ""
	}
	var b bytes.Buffer
	write(&b)
	return template.HTML(b.String())
}

// T returns an interface string in the page's language. A key that does not
// exist is recorded and fails the build.
func (v *View) T(key string) string { return v.Site.t(v.langOr("zh"), key) }

// TL returns an interface string in a given language (for the bilingual
// pages).
func (v *View) TL(lang, key string) string { return v.Site.t(lang, key) }

func (s *Site) t(lang, key string) string { return s.Strings.T(lang, key) }

func (v *View) langOr(def string) string {
	if v.Lang == "" {
		return def
	}
	return v.Lang
}

// Href returns the address of a path below the base: {{.Href "assets/site.css"}}.
func (v *View) Href(p string) string { return v.Site.Base + p }

// L returns the address of a path in the page's language: {{.L "reports/"}}.
func (v *View) L(p string) string { return v.Site.Base + v.langOr("zh") + "/" + p }

// Other is the other language.
func (v *View) Other() string {
	if v.Lang == "zh" {
		return "en"
	}
	return "zh"
}

// Twin is the address of the same page in the other language.
func (v *View) Twin() string {
	if v.Lang == "" {
		return v.Site.Base + v.Page.URL
	}
	return v.Site.Base + v.Other() + strings.TrimPrefix(v.Page.URL, v.Lang)
}

// Self is the page's own address.
func (v *View) Self() string { return v.Site.Base + v.Page.URL }

// HTMLLang is the value of <html lang>: zh-Hans or en; the language chooser
// and 404 page are Chinese first.
func (v *View) HTMLLang() string {
	if v.langOr("zh") == "zh" {
		return "zh-Hans"
	}
	return "en"
}

// SiteTitle is the site's title in the page's language.
func (v *View) SiteTitle() string { return v.Site.Title(v.langOr("zh")) }

// LiveReload reports whether to include the serve reload script.
func (v *View) LiveReload() bool { return v.Site.liveLoad }

// HasCharts reports whether the page has charts (and so needs ECharts).
func (v *View) HasCharts() bool { return len(v.Charts) > 0 }

// Reports lists every report as a card in the page's language (the home,
// about and search pages list them all).
func (v *View) Reports() []ReportCard { return v.Site.reportCards(v.Site.Data.Reports, v.langOr("zh")) }

// Years lists the years with a page.
func (v *View) Years() []int { return v.Site.Years }

// LatestYear is the latest year with an actual figure, or 0.
func (v *View) LatestYear() int { return v.Site.latestYear }

// Region returns a region's name in the page's language.
func (v *View) Region(id string) string {
	r, _ := dataset.RegionByID(id)
	return r.Name(v.langOr("zh"))
}

// Value formats a figure's value for the page's language.
func (v *View) Value(f *dataset.Figure) string { return v.Site.value(f, v.langOr("zh")) }

// figureText is how pages show a figure's value and period, in Chinese
// (index 0) and English (1).
type figureText struct{ value, period [2]string }

func formatFigure(f *dataset.Figure) figureText {
	return figureText{value: [2]string{f.Display("zh"), f.Display("en")}, period: [2]string{f.Period.Label("zh"), f.Period.Label("en")}}
}

// formatAll formats every figure, once a build (see arrange): a report's
// page shows each of its figures four or five times.
func formatAll(figs []*dataset.Figure) map[*dataset.Figure]*figureText {
	all := make([]figureText, len(figs))
	m := make(map[*dataset.Figure]*figureText, len(figs))
	for i, f := range figs {
		all[i] = formatFigure(f)
		m[f] = &all[i]
	}
	return m
}

// formatted is how pages show f: formatted ahead by arrange for a build;
// for a preview, which renders again only the pages an edit changed,
// formatted the first time one of them shows it.
func (s *Site) formatted(f *dataset.Figure) *figureText {
	if t, ok := s.figureTexts[f]; ok {
		return t
	}
	if t, ok := s.shownTexts.Load(f); ok {
		return t.(*figureText)
	}
	t := formatFigure(f)
	s.shownTexts.Store(f, &t)
	return &t
}

// value is f.Display(lang).
func (s *Site) value(f *dataset.Figure, lang string) string {
	return s.formatted(f).value[langIndex(lang)]
}

func langIndex(lang string) int {
	if lang == "zh" {
		return 0
	}
	return 1
}

// Period formats a figure's period for the page's language.
func (v *View) Period(f *dataset.Figure) string {
	return v.Site.formatted(f).period[langIndex(v.langOr("zh"))]
}

// Kind names a figure's kind in the page's language.
func (v *View) Kind(f *dataset.Figure) string { return v.T("kind." + f.Kind) }

// FigureURL is the address of a figure in its report's text.
func (v *View) FigureURL(f *dataset.Figure) string {
	return v.Site.ReportURL(v.langOr("zh"), f.ReportID) + "#" + f.Paragraph()
}

// IndicatorURL is the address of an indicator's page.
func (v *View) IndicatorURL(id string) string { return v.L("indicators/" + id + "/") }

// Category names an indicator category.
func (v *View) Category(c string) string { return v.T("category." + c) }

// ScriptLang is the lang attribute for text in a report's own script:
// zh-Hans or zh-Hant.
func (v *View) ScriptLang(r *dataset.Report) string { return "zh-" + r.Script }

// JSON marks a chart option as safe script content (it is produced by
// encoding/json, which escapes <, > and &).
func (v *View) JSON(b []byte) template.JS { return template.JS(b) }

// Alt is one hreflang alternate of a page.
type Alt struct {
	HrefLang string
	Href     string
}

// Alternates lists the page's language versions for hreflang links.
func (v *View) Alternates() []Alt {
	if v.Lang == "" {
		if v.Layout != "chooser" {
			return nil
		}
		return []Alt{{"zh-Hans", v.Site.Base + "zh/"}, {"en", v.Site.Base + "en/"}, {"x-default", v.Site.Base}}
	}
	zh, en := v.Self(), v.Twin()
	if v.Lang == "en" {
		zh, en = en, zh
	}
	return []Alt{{"zh-Hans", zh}, {"en", en}}
}

// Sub passes the view and one value to a partial template:
// {{template "chart" ($.With .)}}.
type Sub struct {
	V *View
	X any
}

// With pairs the view with a value for a partial.
func (v *View) With(x any) Sub { return Sub{V: v, X: x} }

// Reasons translates the comparability reasons of a comparison row.
func (v *View) Reasons(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = v.T(k)
	}
	return out
}

// Quote is a figure's source sentence in the page's language, for a
// title: on an English page the sentence of the translation, where there is
// one.
func (v *View) Quote(f *dataset.Figure) string {
	if en := v.Site.englishQuote(f); v.Lang == "en" && en != "" {
		return en
	}
	return f.Quote
}

// FigureItem is a figure as a list in a layout shows it, in the page's
// language. A layout that lists many figures reads these fields rather than
// calling the view's methods for each figure: a method called from a
// template costs several times a field.
type FigureItem struct {
	ID             string
	Value          string // as .Value shows it
	Region         string // the region's name
	Period         string // as .Period shows it
	Kind           string // the name of its kind
	Actual         bool   // of kind actual
	Cumulative     bool
	PeriodInferred bool
	URL            string // its row on its indicator's page
	Quote          string // its source sentence, as .Quote gives it
	Reason         string // on an indicator's page, why no chart draws it
}

// Item is a figure as a list shows it.
func (v *View) Item(f *dataset.Figure) FigureItem {
	return FigureItem{ID: f.ID, Value: v.Value(f), Region: v.Region(f.Region), Period: v.Period(f), Kind: v.Kind(f),
		Actual: f.Kind == dataset.Actual, Cumulative: f.Cumulative, PeriodInferred: f.PeriodInferred,
		URL: v.IndicatorURL(f.IndicatorID) + "#f-" + f.ID, Quote: v.Quote(f)}
}

// Items is Item for each figure.
func (v *View) Items(figs []*dataset.Figure) []FigureItem {
	out := make([]FigureItem, len(figs))
	for i, f := range figs {
		out[i] = v.Item(f)
	}
	return out
}

// Plural is the form of an interface string that agrees with n, with n
// filled in: {{.Plural "count.figures" 3}} is "3 figures".
func (v *View) Plural(key string, n int) string { return v.Site.Strings.Plural(v.langOr("zh"), key, n) }

// Sprintf formats an interface string with arguments.
func (v *View) Sprintf(key string, args ...any) string { return fmt.Sprintf(v.T(key), args...) }

// ReportURL is the address of a report in the page's language.
func (v *View) ReportURL(id string) string { return v.Site.ReportURL(v.langOr("zh"), id) }

// FigureTable is what the "figtable" partial shows.
type FigureTable struct {
	Figures   []*dataset.Figure
	Anchors   bool // give each row the id f-ID
	Indicator bool // show the indicator column
}

// TableHead is the column headings of a table of figures, in the page's
// language.
type TableHead struct {
	Indicator, Region, Period, Kind, Value, Source string
}

// Table prepares a table of figures for the "figtable" partial.
func (v *View) Table(figs []*dataset.Figure, anchors bool) FigureTable {
	return FigureTable{Figures: figs, Anchors: anchors, Indicator: true}
}

// IndicatorTable is a table of one indicator's figures, without the
// indicator column.
func (v *View) IndicatorTable(figs []*dataset.Figure) FigureTable {
	return FigureTable{Figures: figs, Anchors: true}
}

// TableHeadings writes the <thead> of a table of figures. It is the same
// on every table of a language with the same columns, so the partial
// "figtable-head" renders it once per build for each.
func (v *View) TableHeadings(t FigureTable) (template.HTML, error) {
	return v.Site.templates.PartialOf("figtable-head", v.Lang+"|"+strconv.FormatBool(t.Indicator), func() (any, error) {
		return figtableHead{Labels: v.tableHead(), IndicatorColumn: t.Indicator}, nil
	})
}

// figtableHead is what "figtable-head" shows.
type figtableHead struct {
	Labels          TableHead
	IndicatorColumn bool
}

func (v *View) tableHead() TableHead {
	return TableHead{Indicator: v.T("fig.indicator"), Region: v.T("fig.region"), Period: v.T("fig.period"), Kind: v.T("fig.kind"),
		Value: v.T("fig.value"), Source: v.T("fig.source")}
}

// Unit describes an indicator's unit in the page's language: "firms",
// "100 million yuan"; 家（企业）.
func (v *View) Unit(in *dataset.Indicator) string { return in.UnitLabel(v.langOr("zh")) }

// Nav is the site title and navigation, the same on every page of a
// language and section.
func (v *View) Nav() (template.HTML, error) {
	return v.Site.templates.Partial("nav", v.Lang+"|"+v.Section, v)
}

// SearchBox is the search form of the page header, the same on every page
// of a language (layouts/partials/search.html).
func (v *View) SearchBox() (template.HTML, error) {
	return v.Site.templates.Partial("searchbox", v.Lang, v)
}

// Assets are the links to the favicon and the stylesheet.
func (v *View) Assets() (template.HTML, error) {
	return v.Site.templates.Partial("assets", "", v)
}

// Footer is the page footer of a language.
func (v *View) Footer() (template.HTML, error) {
	return v.Site.templates.Partial("footer", v.Lang, v)
}
