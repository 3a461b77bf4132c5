package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/targets"
)

// pageTree lists every page of the site, in both languages, at the
// addresses fixed by the design.
func (s *Site) pageTree() []*Page {
	var pages []*Page
	add := func(p *Page) { pages = append(pages, p) }
	add(&Page{URL: "", File: "index.html", Layout: "chooser", Title: s.TitleZh + " · " + s.TitleEn, Description: s.DescriptionZh + " " + s.DescriptionEn})
	add(&Page{URL: "404.html", File: "404.html", Layout: "404", Title: "404"})
	for _, lang := range s.Languages {
		t := func(k string) string { return s.t(lang, k) }
		dir := func(p string) string { return lang + "/" + p }
		add(&Page{URL: dir(""), File: dir("index.html"), Lang: lang, Layout: "home", Section: "home", Title: s.Title(lang), Description: s.Description(lang),
			fill: func(p *Page) { home := s.homePage(lang); p.Data, p.Charts = home, home.Charts },
			deps: pageDeps{id: "home", more: func() string { return s.figuresKey(s.homeFigures()) }, content: []string{contentKey(lang, "index")}}})
		for _, r := range s.Data.Reports {
			add(&Page{URL: dir("reports/" + r.ID + "/"), File: dir("reports/" + r.ID + "/index.html"), Lang: lang, Layout: "report", Section: "reports",
				Title: r.Title(lang), Description: r.Summary(lang), fill: func(p *Page) { p.Data = s.reportPage(r, lang) },
				deps: pageDeps{id: "report " + r.ID, figures: s.Data.FiguresOf(r), report: r.ID}})
		}
		for _, y := range s.Years {
			add(&Page{URL: dir(fmt.Sprintf("years/%d/", y)), File: dir(fmt.Sprintf("years/%d/index.html", y)), Lang: lang, Layout: "year", Section: "years",
				Title: fmt.Sprintf(t("year.title"), y), Description: fmt.Sprintf(t("year.description"), y),
				fill: func(p *Page) { yp := s.yearPage(y, lang); p.Data, p.Charts = yp, yp.Charts },
				deps: pageDeps{id: fmt.Sprint("year ", y), figures: s.byYear[y], years: true, content: []string{contentKey(lang, fmt.Sprintf("years/%d", y))}}})
		}
		add(&Page{URL: dir("compare/"), File: dir("compare/index.html"), Lang: lang, Layout: "compare", Section: "compare",
			Title: t("compare.title"), Description: t("compare.description"),
			fill: func(p *Page) { cp := s.comparePage(lang); p.Data, p.Charts = cp, cp.Charts },
			deps: pageDeps{id: "compare", more: func() string { return s.figuresKey(s.compareFigures()) }}})
		add(&Page{URL: dir("indicators/"), File: dir("indicators/index.html"), Lang: lang, Layout: "indicators", Section: "indicators",
			Title: t("indicators.title"), Description: t("indicators.description"),
			fill: func(p *Page) { p.Data = s.indicatorIndex(&View{Page: p, Site: s}) }, deps: pageDeps{id: "indicators", more: s.indicatorCounts}})
		for _, in := range s.Data.Indicators {
			ic := s.indicatorCharts[lang+":"+in.ID]
			add(&Page{URL: dir("indicators/" + in.ID + "/"), File: dir("indicators/" + in.ID + "/index.html"), Lang: lang, Layout: "indicator", Section: "indicators",
				Title: in.Name(lang), Description: in.Definition(lang), Charts: ic.Charts,
				fill: func(p *Page) { p.Data = s.indicatorPage(&View{Page: p, Site: s}, in, ic) },
				deps: pageDeps{id: "indicator " + in.ID, figures: s.sorted[in], more: func() string { return s.sameKey(s.sorted[in]) }}})
		}
		add(&Page{URL: dir("targets/"), File: dir("targets/index.html"), Lang: lang, Layout: "targets", Section: "targets",
			Title: t("targets.title"), Description: t("targets.description"), Script: "assets/js/sort.js",
			fill: func(p *Page) { tp := s.targetsPage(); tp.describe(&View{Page: p, Site: s}); p.Data = tp }, deps: pageDeps{id: "targets", more: func() string { return s.figuresKey(s.targetFigures()) }}})
		add(&Page{URL: dir("data/"), File: dir("data/index.html"), Lang: lang, Layout: "data", Section: "data",
			Title: t("data.title"), Description: t("data.description"),
			fill: func(p *Page) { p.Data = s.dataPage() }, deps: pageDeps{id: "data", more: func() string { return fmt.Sprint(*s.dataPage()) }}})
		about := s.page(lang, "about", dir("about/"))
		add(&Page{URL: dir("about/"), File: dir("about/index.html"), Lang: lang, Layout: "about", Section: "about",
			Title: about.Title, Description: about.Description, Data: &AboutPage{Page: about, Glossary: s.Glossary},
			deps: pageDeps{content: []string{contentKey(lang, "about")}}})
		// The search page loads its script only when the build has an
		// index for it to search. It lists the reports (in Data.Version of
		// the page's key), their regions and the years.
		sp := s.searchPage(lang)
		script := ""
		if sp.Available {
			script = SearchScript
		}
		add(&Page{URL: dir(SearchPath), File: dir(SearchPath + "index.html"), Lang: lang, Layout: "search", Section: "search",
			Title: t("search.title"), Description: t("search.description"), Data: sp, Script: script, deps: pageDeps{years: true}})
	}
	return pages
}

// page returns an editorial page with its links resolved for the address it
// is shown at, or nil if there is none.
func (s *Site) page(lang, name, url string) *content.Page {
	p := s.Content[content.Key(lang, name)]
	if p == nil {
		return nil
	}
	cp := *p
	cp.Body = s.resolveLinks(p.Body, url)
	return &cp
}

// HomePage is the data of a home page: the three questions readers ask —
// how each region did, how they compare, whether the plans are on track —
// each answered in brief with a chart that leads deeper.
type HomePage struct {
	Intro   *content.Page
	Regions []HomeRegion // how each region did: its headline figures
	Growth  *Chart       // the featured indicators' first chart
	Compare *Chart       // the first comparison chart
	Count   map[string]int
	Targets *TargetsPage
	Charts  []*Chart // every ECharts chart on the page
}

// ReportCard is a report in a list of reports (View.Reports, a year's), in
// the page's language. Its texts are worked out in Go rather than by method
// calls in the layout: such a list grows with the site, and a call from a
// layout costs microseconds.
type ReportCard struct {
	URL, Title, Issuer, Period, Summary string
	Lang                                string // the title's lang attribute on Chinese pages, or ""
	Seed                                string // the seed's file name
}

// HomeRegion is a region's headline figures.
type HomeRegion struct {
	Region  dataset.Region
	Figures []*dataset.Figure
}

func (s *Site) homePage(lang string) *HomePage {
	h := &HomePage{Intro: s.page(lang, "index", lang+"/"), Count: map[string]int{}, Targets: s.targetsPage()}
	for _, r := range dataset.Regions {
		hr := HomeRegion{Region: r}
		for _, id := range s.Headline {
			if f := s.Data.Figure(id); f.Region == r.ID {
				hr.Figures = append(hr.Figures, f)
			}
		}
		if len(hr.Figures) > 0 {
			h.Regions = append(h.Regions, hr)
		}
	}
	for _, id := range s.Featured {
		if ic := s.indicatorCharts[lang+":"+id]; ic != nil && len(ic.Charts) > 0 && h.Growth == nil {
			h.Growth = ic.Charts[0]
			h.Charts = append(h.Charts, h.Growth)
		}
	}
	if cs := s.compareCharts[lang]; len(cs) > 0 {
		h.Compare = cs[0]
		h.Charts = append(h.Charts, h.Compare)
	}
	for _, g := range s.Comparisons {
		for _, p := range g.Pairs {
			h.Count[p.Verdict.String()]++
		}
	}
	return h
}

// reportCards are the cards of a list of reports in lang.
func (s *Site) reportCards(reports []*dataset.Report, lang string) []ReportCard {
	out := make([]ReportCard, len(reports))
	for i, r := range reports {
		out[i] = ReportCard{URL: s.ReportURL(lang, r.ID), Title: r.Title(lang), Issuer: r.Issuer(lang), Period: r.Period.Label(lang), Summary: r.Summary(lang), Seed: r.Seed}
		if lang == "zh" {
			out[i].Lang = "zh-" + r.Script
		}
	}
	return out
}

// IndicatorPage is the data of an indicator's page.
type IndicatorPage struct {
	Indicator *dataset.Indicator
	Figures   []*dataset.Figure
	Charts    []*Chart
	Omitted   []FigureItem // figures no chart holds, with the reason
	Table     FigureTable  // the table of all its figures

	// What the page says of the indicator, in the page's language: there
	// are hundreds of these pages, and a layout reads fields at a fraction
	// of the cost of calling the view's methods.
	CategoryURL, CategoryName   string
	OriginalTitle, OriginalLang string // its name in the other language
	Definition, Comparability   string
	Unit                        string
	UnitOriginal                string // the unit as the Chinese texts write it, on English pages
	Direction                   string
	Observations                string // "3 observations"
	Labels                      IndicatorLabels
}

// IndicatorLabels are the headings of an indicator's page.
type IndicatorLabels struct {
	Definition, Comparability, Unit, Direction, ID, Omitted string
}

// indicatorPage works out the data of an indicator's page.
func (s *Site) indicatorPage(v *View, in *dataset.Indicator, ic *IndicatorCharts) *IndicatorPage {
	lang := v.langOr("zh")
	ip := &IndicatorPage{Indicator: in, Figures: s.distinct[in], Charts: ic.Charts, Table: v.IndicatorTable(s.distinct[in]),
		CategoryURL: v.L("indicators/") + "#cat-" + in.Category, CategoryName: v.Category(in.Category),
		OriginalTitle: in.NameEn, OriginalLang: "en", Definition: in.Definition(lang), Comparability: in.Comparability(lang),
		Unit: v.Unit(in), Direction: v.T("indicator.direction." + in.Direction),
		Observations: v.Plural("indicator.observations", len(s.distinct[in])),
		Labels: IndicatorLabels{Definition: v.T("indicator.definition"), Comparability: v.T("indicator.comparability"),
			Unit: v.T("indicator.unit"), Direction: v.T("indicator.direction"), ID: v.T("indicator.id"), Omitted: v.T("indicator.omitted")}}
	if lang == "en" {
		ip.OriginalTitle, ip.OriginalLang, ip.UnitOriginal = in.NameZh, "zh-Hans", in.UnitRaw
	}
	ip.Omitted = make([]FigureItem, len(ic.Omitted))
	for i, o := range ic.Omitted {
		ip.Omitted[i] = v.Item(o.Figure)
		ip.Omitted[i].Reason = v.T(o.Reason)
	}
	return ip
}

// IndicatorGroup is one category on the indicator index.
type IndicatorGroup struct {
	Category   string
	Indicators []IndicatorEntry
}

// IndicatorEntry is an indicator on the index, with the number of its
// observations (each number once, as its page lists them).
type IndicatorEntry struct {
	*dataset.Indicator
	Count int
}

// AboutPage is the data of the about page.
type AboutPage struct {
	Page     *content.Page
	Glossary []*Term
}

// DataPage is the data of the data page.
type DataPage struct {
	Figures, Indicators, Reports int
	Columns                      []string
	TargetColumns                []string
	ByKind                       map[string]int
}

func (s *Site) dataPage() *DataPage {
	d := &DataPage{Figures: len(s.Data.Figures), Indicators: len(s.Data.Indicators), Reports: len(s.Data.Reports), Columns: dataset.FigureColumns,
		TargetColumns: targets.Columns, ByKind: map[string]int{}}
	for _, f := range s.Data.Figures {
		d.ByKind[f.Kind]++
	}
	return d
}

func (s *Site) indicatorGroups() []IndicatorGroup { return s.groups }

// IndicatorSection is one category of indicators as the index shows it,
// in the page's language.
type IndicatorSection struct {
	Category, Name string // the category's id and name
	Indicators     []IndicatorLink
}

// IndicatorLink is an indicator in the index: its page, its name and how
// many figures it has ("3 figures").
type IndicatorLink struct {
	URL, Name, Count string
}

// indicatorIndex is the data of the index of indicators.
func (s *Site) indicatorIndex(v *View) []IndicatorSection {
	out := make([]IndicatorSection, len(s.groups))
	for i, g := range s.groups {
		out[i] = IndicatorSection{Category: g.Category, Name: v.Category(g.Category), Indicators: make([]IndicatorLink, len(g.Indicators))}
		for k, e := range g.Indicators {
			out[i].Indicators[k] = IndicatorLink{URL: v.IndicatorURL(e.ID), Name: e.Name(v.langOr("zh")), Count: v.Plural("indicators.count", e.Count)}
		}
	}
	return out
}

// groupIndicators sorts the indicators into their categories for the index.
func (s *Site) groupIndicators() []IndicatorGroup {
	var out []IndicatorGroup
	for _, c := range dataset.Categories {
		g := IndicatorGroup{Category: c}
		for _, in := range s.Data.Indicators {
			if in.Category == c {
				g.Indicators = append(g.Indicators, IndicatorEntry{in, len(s.distinct[in])})
			}
		}
		if len(g.Indicators) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// sortedFigures orders figures by region, period, kind and id, the order of
// every table of observations.
func sortedFigures(in []*dataset.Figure) []*dataset.Figure {
	regionRank := map[string]int{}
	for i, r := range dataset.Regions {
		regionRank[r.ID] = i
	}
	kindRank := map[string]int{dataset.Actual: 0, dataset.Expected: 1, dataset.Target: 2}
	// The ranks are looked up once per figure, not once per comparison.
	type ranked struct {
		f            *dataset.Figure
		region, kind int
	}
	rs := make([]ranked, len(in))
	for i, f := range in {
		rs[i] = ranked{f, regionRank[f.Region], kindRank[f.Kind]}
	}
	slices.SortStableFunc(rs, func(x, y ranked) int {
		a, b := x.f, y.f
		switch {
		case x.region != y.region:
			return cmp.Compare(x.region, y.region)
		case a.Period.To != b.Period.To:
			return cmp.Compare(a.Period.To, b.Period.To)
		case a.Period.From != b.Period.From:
			return cmp.Compare(a.Period.From, b.Period.From)
		case x.kind != y.kind:
			return cmp.Compare(x.kind, y.kind)
		}
		return strings.Compare(a.ID, b.ID)
	})
	out := make([]*dataset.Figure, len(rs))
	for i, r := range rs {
		out[i] = r.f
	}
	return out
}

// YearPage is the data of a year's page: the reports about the year, one
// side-by-side row per indicator with the year's figures of each region,
// the comparison charts of the year, and the targets set for it.
type YearPage struct {
	Year     int
	Overview *content.Page
	Reports  []ReportCard     // the reports that cover the year
	Regions  []dataset.Region // the columns of the table: regions with a figure this year
	Rows     []*YearRow
	Count    int // figures in the rows
	Charts   []*Chart
	Targets  []*dataset.Figure // targets for this year, each number once, at most MaxYearTargets
	// MoreTargets is how many more targets for the year the targets page
	// and data/targets.csv list.
	MoreTargets int
}

// YearRow is one indicator's figures of a year, by region.
type YearRow struct {
	Indicator *dataset.Indicator
	Name, URL string     // the indicator's name and page
	Cells     []YearCell // one per region of YearPage.Regions
}

// YearCell is one region's figures of an indicator in a year: the first
// few, and how many more the indicator's page lists.
type YearCell struct {
	Region   string // the region's name
	Figures  []FigureItem
	More     int
	MoreText string // "2 more", or ""
}

// MaxPerCell is how many figures a cell of a year's table shows; the
// indicator's page lists them all.
const MaxPerCell = 3

// MaxYearTargets is how many targets a year's page lists; the targets page
// lists them all.
const MaxYearTargets = 100

// yearCharts are the comparison charts of a year.
func (s *Site) yearCharts(y int, lang string) []*Chart {
	var out []*Chart
	for _, c := range s.compareCharts[lang] {
		if len(c.Figures) > 0 && yearOf(c.Figures[0]) == y {
			out = append(out, c)
		}
	}
	return out
}

// yearOf is the year a figure is listed under: the last year of its
// period, so that a figure spanning several years is listed once.
func yearOf(f *dataset.Figure) int { return f.Period.To.Year() }

func (s *Site) yearPage(y int, lang string) *YearPage {
	yp := &YearPage{Year: y, Overview: s.page(lang, "years/"+strconv.Itoa(y), fmt.Sprintf("%s/years/%d/", lang, y))}
	var reports []*dataset.Report
	for _, r := range s.Data.Reports {
		if slices.Contains(r.Covers, y) {
			reports = append(reports, r)
		}
	}
	yp.Reports = s.reportCards(reports, lang)
	used := map[string]bool{}
	type cells = map[string][]*dataset.Figure
	var rows []*dataset.Indicator
	byIndicator := map[*dataset.Indicator]cells{}
	for _, in := range s.Data.Indicators {
		for _, f := range s.sorted[in] {
			if yearOf(f) != y || f.Kind == dataset.Target {
				continue
			}
			if byIndicator[in] == nil {
				byIndicator[in] = cells{}
				rows = append(rows, in)
			}
			byIndicator[in][f.Region] = append(byIndicator[in][f.Region], f)
			used[f.Region] = true
		}
	}
	for _, r := range dataset.Regions {
		if used[r.ID] {
			yp.Regions = append(yp.Regions, r)
		}
	}
	v := &View{Page: &Page{Lang: lang}, Site: s}
	for _, in := range rows {
		row := &YearRow{Indicator: in, Name: in.Name(lang), URL: v.IndicatorURL(in.ID)}
		for _, r := range yp.Regions {
			figs := dataset.Distinct(byIndicator[in][r.ID])
			yp.Count += len(figs)
			c := YearCell{Region: r.Name(lang)}
			if len(figs) > MaxPerCell {
				figs, c.More = figs[len(figs)-MaxPerCell:], len(figs)-MaxPerCell
				c.MoreText = v.Plural("year.more", c.More)
			}
			c.Figures = v.Items(figs)
			row.Cells = append(row.Cells, c)
		}
		yp.Rows = append(yp.Rows, row)
	}
	yp.Charts = s.yearCharts(y, lang)
	yp.Targets, yp.MoreTargets = firstOf(dataset.Distinct(s.yearTargets[y]), MaxYearTargets)
	return yp
}

// firstOf is the first n figures of figs, and how many more there are.
func firstOf(figs []*dataset.Figure, n int) ([]*dataset.Figure, int) {
	if len(figs) <= n {
		return figs, 0
	}
	return figs[:n], len(figs) - n
}
