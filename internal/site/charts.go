package site

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strings"

	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
)

// Chart is a chart as a page shows it: the ECharts option, the same numbers
// as a table, the figures they come from, and the CSV to download.
type Chart struct {
	ID      string // unique in the site; the element id is "chart-"+ID
	Lang    string
	Title   string
	Option  []byte
	Head    []string // the table's column headings
	Rows    []ChartRow
	Figures []*dataset.Figure
	CSV     string // path below the base
	Unit    string // what the values are in
}

// Source is one report a chart's figures come from, with the paragraphs.
type Source struct {
	Report     *dataset.Report
	Paragraphs []string
}

// Sources groups the chart's figures by report and paragraph.
func (c *Chart) Sources() []Source {
	var out []Source
	seen := map[string]bool{}
	for _, f := range c.Figures {
		i := 0
		for i < len(out) && out[i].Report != f.Report {
			i++
		}
		if i == len(out) {
			out = append(out, Source{Report: f.Report})
		}
		if key := f.ReportID + "#" + f.Paragraph(); !seen[key] {
			seen[key] = true
			out[i].Paragraphs = append(out[i].Paragraphs, f.Paragraph())
		}
	}
	return out
}

// ChartRow is one category of a chart, one cell per series.
type ChartRow struct {
	Label string
	Cells []*dataset.Figure // nil where the series has no value
}

// table is the language-independent shape of a chart before it is labelled.
type table struct {
	id     string
	title  func(lang string) string
	cats   []string // category keys, in order
	label  func(key, lang string) string
	series []string // region ids
	cells  map[[2]string]*dataset.Figure
}

func (s *Site) buildCharts() diag.List {
	var errs diag.List
	var tables []*table
	for _, in := range s.Data.Indicators {
		if t := s.indicatorTable(in); t != nil {
			tables = append(tables, t)
		}
	}
	tables = append(tables, s.compareTables()...)
	for _, t := range tables {
		for _, lang := range s.Languages {
			c, err := s.chart(t, lang)
			if err != nil {
				errs.Add(diag.Pos{File: dataset.FiguresDir}, "", "%v", err)
				continue
			}
			s.Charts[lang+":"+t.id] = c
		}
	}
	return errs
}

// indicatorTable charts an indicator when it has at least two figures in
// its main base unit: one category per period (and kind, and stock or
// flow), one series per region.
func (s *Site) indicatorTable(in *dataset.Indicator) *table {
	count := map[string]int{}
	for _, f := range in.Figures {
		count[f.Unit.Base]++
	}
	base, n := "", 0
	for _, u := range sortedKeys(count) {
		if count[u] > n {
			base, n = u, count[u]
		}
	}
	if n < 2 || dataset.BaseUnits[base].Rank {
		return nil
	}
	t := &table{id: "ind-" + in.ID, cells: map[[2]string]*dataset.Figure{}, title: in.Name}
	byKey := map[string]*dataset.Figure{}
	for _, f := range sortedFigures(in.Figures) {
		if f.Unit.Base != base {
			continue
		}
		key := fmt.Sprintf("%08d|%08d|%s|%t", int(f.Period.To), int(f.Period.From), f.Kind, f.Cumulative)
		cell := [2]string{key, f.Region}
		if t.cells[cell] != nil {
			continue // a second figure for the same cell is in the table below, not the chart
		}
		if byKey[key] == nil {
			t.cats = append(t.cats, key)
			byKey[key] = f
		}
		t.cells[cell] = f
		if !slices.Contains(t.series, f.Region) {
			t.series = append(t.series, f.Region)
		}
	}
	sort.Strings(t.cats)
	t.label = func(key, lang string) string {
		f := byKey[key]
		l := f.Period.Label(lang)
		if f.Kind != dataset.Actual {
			l += parenthesis(lang, s.t(lang, "kind."+f.Kind))
		}
		if f.Cumulative {
			l += parenthesis(lang, s.t(lang, "fig.cumulative"))
		}
		return l
	}
	sortRegions(t.series)
	if len(t.cells) < 2 {
		return nil
	}
	return t
}

// parenthesis writes a remark after a label: "（目标）" in Chinese, " (target)"
// in English.
func parenthesis(lang, s string) string {
	if lang == "zh" {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

// compareTables charts the comparable pairs of the comparison page: one
// chart per period, kind and unit, one category per indicator.
func (s *Site) compareTables() []*table {
	groups := map[string]*table{}
	var order []string
	for _, c := range s.Comparisons {
		for _, r := range c.Rows {
			if !r.Comparable || dataset.BaseUnits[r.Chongqing.Unit.Base].Rank {
				continue
			}
			f := r.Chongqing
			key := fmt.Sprintf("%08d|%08d|%s|%t|%s", int(f.Period.From), int(f.Period.To), f.Kind, f.Cumulative, f.Unit.Base)
			t := groups[key]
			if t == nil {
				first := f
				t = &table{cells: map[[2]string]*dataset.Figure{}, series: []string{"chongqing", "sichuan"}}
				t.title = func(lang string) string {
					return fmt.Sprintf(s.t(lang, "compare.chart.title"), first.Period.Label(lang), s.t(lang, "kind."+first.Kind))
				}
				groups[key] = t
				order = append(order, key)
			}
			in := c.Indicator
			t.cats = append(t.cats, in.ID)
			t.cells[[2]string{in.ID, "chongqing"}] = r.Chongqing
			t.cells[[2]string{in.ID, "sichuan"}] = r.Sichuan
		}
	}
	sort.Strings(order)
	var out []*table
	for i, key := range order {
		t := groups[key]
		t.id = fmt.Sprintf("cmp-%d", i+1)
		t.label = func(id, lang string) string { return s.Data.Indicator(id).Name(lang) }
		out = append(out, t)
	}
	return out
}

// compareChartIDs lists the ids of the comparison charts in order.
func (s *Site) compareChartIDs() []string {
	var ids []string
	for i := 1; s.Charts["zh:"+fmt.Sprintf("cmp-%d", i)] != nil; i++ {
		ids = append(ids, fmt.Sprintf("cmp-%d", i))
	}
	return ids
}

// chart labels a table in a language and builds its option.
func (s *Site) chart(t *table, lang string) (*Chart, error) {
	c := &Chart{ID: t.id, Lang: lang, Title: t.title(lang), CSV: "data/charts/" + t.id + ".csv"}
	var maxV float64
	for _, f := range t.cells {
		maxV = max(maxV, math.Abs(f.ValueBase))
	}
	var any *dataset.Figure
	for _, k := range sortedCellKeys(t.cells) {
		any = t.cells[k]
		break
	}
	div, unit := scale(maxV, any, lang)
	c.Unit = unit
	spec := chart.Spec{ID: "chart-" + t.id, AxisName: unit}
	c.Head = []string{s.t(lang, "chart.category")}
	for _, r := range t.series {
		g, _ := dataset.RegionByID(r)
		c.Head = append(c.Head, g.Name(lang))
		spec.Series = append(spec.Series, chart.Series{Name: g.Name(lang)})
	}
	var desc []string
	for _, key := range t.cats {
		label := t.label(key, lang)
		spec.Categories = append(spec.Categories, label)
		row := ChartRow{Label: label}
		for i, r := range t.series {
			f := t.cells[[2]string{key, r}]
			row.Cells = append(row.Cells, f)
			v := math.NaN()
			if f != nil {
				v = math.Round(f.ValueBase/div*1e4) / 1e4
				c.Figures = append(c.Figures, f)
				desc = append(desc, fmt.Sprintf("%s %s %s", label, c.Head[i+1], f.Display(lang)))
			}
			spec.Series[i].Values = append(spec.Series[i].Values, v)
		}
		c.Rows = append(c.Rows, row)
	}
	sep := "; "
	if lang == "zh" {
		sep = "；"
	}
	spec.Description = c.Title + (map[bool]string{true: "：", false: ": "})[lang == "zh"] + strings.Join(desc, sep)
	opt, err := chart.Option(spec)
	if err != nil {
		return nil, err
	}
	c.Option = opt
	return c, nil
}

// scale picks the divisor and unit label for a chart's axis: values in 亿元
// or billion yuan rather than 12 digits.
func scale(maxV float64, f *dataset.Figure, lang string) (float64, string) {
	b := dataset.BaseUnits[f.Unit.Base]
	if b.Percent {
		return 1, "%"
	}
	type step struct {
		div  float64
		name string
	}
	steps := []step{{1e12, "万亿"}, {1e8, "亿"}, {1e4, "万"}, {1, ""}}
	noun := f.Unit.Base
	if f.Unit.IsCount() {
		noun = f.Indicator.Counts(lang, false)
	}
	if lang == "en" {
		steps = []step{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}, {1, ""}}
		if !f.Unit.IsCount() {
			noun = b.Other
		}
	}
	for _, st := range steps {
		if maxV >= st.div {
			if lang == "en" {
				return st.div, strings.TrimSpace(st.name + " " + noun)
			}
			return st.div, st.name + noun
		}
	}
	return 1, noun
}

func sortedCellKeys(m map[[2]string]*dataset.Figure) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	return keys
}

func sortRegions(ids []string) {
	rank := map[string]int{}
	for i, r := range dataset.Regions {
		rank[r.ID] = i
	}
	sort.Slice(ids, func(i, j int) bool { return rank[ids[i]] < rank[ids[j]] })
}

// DataTable is a chart's numbers as an HTML table, with its sources and the
// CSV link: what a reader without JavaScript sees, and what a screen reader
// reads. Written in Go, like Row, because it is a good part of the cost of
// the many indicator pages; the chart around it is layouts/partials/chart.html.
func (v *View) DataTable(c *Chart) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	b.WriteString(`<div class="table-wrap"><table class="chart-table">` + "\n<thead><tr>")
	for _, h := range c.Head {
		b.WriteString(`<th scope="col">` + esc(h) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>")
	for _, r := range c.Rows {
		b.WriteString(`<tr><th scope="row">` + esc(r.Label) + "</th>")
		for _, f := range r.Cells {
			if f == nil {
				b.WriteString(`<td class="num">—</td>`)
				continue
			}
			b.WriteString(`<td class="num"><a href="` + esc(v.FigureURL(f)) + `" title="` + esc(v.Quote(f)) + `">` + esc(v.Value(f)) + "</a></td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
	b.WriteString(`<p class="chart-source">` + esc(v.T("chart.sources")) + ": ")
	for i, s := range c.Sources() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(esc(s.Report.Title(v.Lang)) + " ")
		for j, p := range s.Paragraphs {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="` + esc(v.ReportURL(s.Report.ID)+"#"+p) + `">§` + esc(p) + "</a>")
		}
	}
	b.WriteString(`. <a class="download" href="` + esc(v.Href(c.CSV)) + `" download>` + esc(v.T("chart.csv")) + "</a></p>\n")
	return template.HTML(b.String())
}
