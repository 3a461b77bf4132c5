package site

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"reportsite/internal/chart"
	"reportsite/internal/compare"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/memo"
)

// Chart is a chart as a page shows it (see package chart).
type Chart = chart.Chart

// IndicatorCharts are an indicator's charts in one language and the
// figures they leave out, with the reason.
type IndicatorCharts struct {
	Charts  []*Chart
	Omitted []chart.Omission
}

// indicatorChartsOrErr is what drawing an indicator gave, as a memo keeps
// it.
type indicatorChartsOrErr struct {
	charts *IndicatorCharts
	err    error
}

// labels are the chart package's words in a language.
func (s *Site) labels(lang string) chart.Labels {
	return chart.Labels{Lang: lang, T: func(key string) string { return s.t(lang, key) }}
}

// buildCharts draws every indicator and every group of comparable pairs,
// in both languages.
func (s *Site) buildCharts() diag.List {
	var errs diag.List
	s.indicatorCharts = map[string]*IndicatorCharts{}
	s.compareCharts = map[string][]*Chart{}
	add := func(c *Chart) { s.Charts[c.Lang+":"+c.ID] = c }
	// A chart holds its figures: its key names the values.
	keys := map[*dataset.Indicator]string{}
	if s.memo != nil {
		for _, in := range s.Data.Indicators {
			keys[in] = s.global + "|" + s.Data.Version() + "|" + s.figuresKey(s.sorted[in]) + "|" + s.instances(s.sorted[in])
		}
	}
	// The charts of each indicator in each language are drawn on every
	// core, then taken in order.
	labels := make([]chart.Labels, len(s.Languages))
	for i, lang := range s.Languages {
		labels[i] = s.labels(lang)
	}
	ins := s.Data.Indicators
	drawn := make([]indicatorChartsOrErr, len(s.Languages)*len(ins))
	diag.Each(len(drawn), "drawing the charts", func(i int) {
		lang, l, in := s.Languages[i/len(ins)], labels[i/len(ins)], ins[i%len(ins)]
		drawn[i], _ = memo.Get(s.memo, "charts "+lang+":"+in.ID, keys[in], func() (indicatorChartsOrErr, bool) {
			cs, omitted, err := chart.Indicator(in, s.sorted[in], l)
			return indicatorChartsOrErr{&IndicatorCharts{Charts: cs, Omitted: omitted}, err}, err == nil
		})
	}, func(i int, e *diag.Error) { drawn[i].err = e })
	for li, lang := range s.Languages {
		l := labels[li]
		for k, in := range ins {
			made := drawn[li*len(ins)+k]
			if made.err != nil {
				errs.Add(in.Header(), "", "%v", made.err)
				continue
			}
			s.indicatorCharts[lang+":"+in.ID] = made.charts
			for _, c := range made.charts.Charts {
				add(c)
			}
		}
		// The comparison charts hold the figures of the pairs.
		var figs []*dataset.Figure
		for _, g := range s.Comparisons {
			for _, p := range g.Pairs {
				figs = append(figs, p.Chongqing, p.Sichuan)
			}
		}
		key := s.global + "|" + s.Data.Version() + "|" + s.figuresKey(figs) + "|" + s.instances(figs)
		cmp, _ := memo.Get(s.memo, "compare charts "+lang, key, func() (withErrs[[]*Chart], bool) {
			cs, e := s.drawComparisons(lang, l)
			return withErrs[[]*Chart]{cs, e}, len(e) == 0
		})
		errs = append(errs, cmp.errs...)
		for _, c := range cmp.v {
			add(c)
			s.compareCharts[lang] = append(s.compareCharts[lang], c)
		}
	}
	return errs
}

// drawComparisons draws the groups of comparable pairs in a language.
func (s *Site) drawComparisons(lang string, l chart.Labels) ([]*Chart, diag.List) {
	var errs diag.List
	var out []*Chart
	for i, g := range s.comparableGroups() {
		var caveats []string
		seen := map[string]bool{}
		for _, p := range g.pairs {
			for _, r := range p.Reasons {
				if text := s.t(lang, r); !seen[text] {
					seen[text] = true
					caveats = append(caveats, text)
				}
			}
		}
		var pairs []chart.Pair
		for _, p := range g.pairs {
			pairs = append(pairs, chart.Pair{Label: p.Chongqing.Indicator.Name(lang), Chongqing: p.Chongqing, Sichuan: p.Sichuan})
		}
		first := g.pairs[0].Chongqing
		title := fmt.Sprintf(s.t(lang, "compare.chart.title"), first.Period.Label(lang), s.t(lang, "kind."+first.Kind))
		c, err := chart.Compare(fmt.Sprintf("cmp-%d", i+1), title, pairs, caveats, l)
		if err != nil {
			errs.Add(diag.Pos{File: dataset.FiguresDir}, "", "%v", err)
			continue
		}
		out = append(out, c)
	}
	return out, errs
}

// comparableGroup is comparable pairs (with or without caveats) of one
// period, kind and measure: one comparison chart.
type comparableGroup struct {
	key   string
	pairs []*compare.Pair
}

// comparableGroups groups the comparable pairs of the comparison page
// for charts, ranks left out (a place is not a quantity), in order of
// period.
func (s *Site) comparableGroups() []comparableGroup {
	groups := map[string]*comparableGroup{}
	var keys []string
	for _, g := range s.Comparisons {
		for _, p := range g.Pairs {
			f := p.Chongqing
			if p.Verdict == compare.NotComparable || dataset.BaseUnits[f.Unit.Base].Rank || f.Change != "" || f.Per != "" {
				continue
			}
			key := fmt.Sprintf("%08d|%08d|%s|%t|%s", int(f.Period.To), int(f.Period.From), f.Kind, f.Cumulative, f.Unit.Kind())
			if groups[key] == nil {
				groups[key] = &comparableGroup{key: key}
				keys = append(keys, key)
			}
			groups[key].pairs = append(groups[key].pairs, p)
		}
	}
	sort.Strings(keys)
	out := make([]comparableGroup, len(keys))
	for i, k := range keys {
		out[i] = *groups[k]
	}
	return out
}

// Source is one report a chart's figures come from, with the paragraphs.
type Source struct {
	Report     *dataset.Report
	Paragraphs []string
}

// sources groups a chart's figures by report and paragraph.
func sources(c *Chart) []Source {
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

// DataTable is a chart's numbers as an HTML table, with its caveats,
// sources and the CSV link: what a reader without JavaScript sees, and what
// a screen reader reads. Written in Go, like Row, because it is a good part
// of the cost of the many indicator pages; the chart around it is
// layouts/partials/chart.html.
func (v *View) DataTable(c *Chart) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		b.WriteString(`<div class="table-wrap"><table class="chart-table reflow">` + "\n<thead><tr>")
		for _, h := range c.Head {
			b.WriteString(`<th scope="col">`)
			writeEsc(b, h)
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>")
		for _, r := range c.Rows {
			b.WriteString(`<tr><th scope="row">`)
			writeEsc(b, r.Label)
			b.WriteString("</th>")
			for i, f := range r.Cells {
				label := ""
				if i+1 < len(c.Head) {
					label = c.Head[i+1]
				}
				b.WriteString(`<td class="num" data-label="`)
				writeEsc(b, label)
				if f == nil {
					b.WriteString(`">—</td>`)
					continue
				}
				b.WriteString(`"><a href="`)
				writeEsc(b, v.FigureURL(f))
				b.WriteString(`" title="`)
				writeEsc(b, v.Quote(f))
				b.WriteString(`">`)
				writeEsc(b, v.Value(f))
				b.WriteString("</a></td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody></table></div>\n")
		if len(c.Caveats) > 0 {
			b.WriteString(`<p class="chart-caveats"><strong>`)
			writeEsc(b, v.T("chart.caveats"))
			b.WriteString("</strong> ")
			writeEsc(b, strings.Join(c.Caveats, v.T("list.sep")))
			b.WriteString("</p>\n")
		}
		b.WriteString(`<p class="chart-source">`)
		writeEsc(b, v.T("chart.sources"))
		b.WriteString(": ")
		for i, s := range sources(c) {
			if i > 0 {
				b.WriteString("; ")
			}
			writeEsc(b, s.Report.Title(v.Lang))
			b.WriteString(" ")
			for j, p := range s.Paragraphs {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(`<a href="`)
				writeEsc(b, v.ReportURL(s.Report.ID)+"#"+p)
				b.WriteString(`">§`)
				writeEsc(b, p)
				b.WriteString("</a>")
			}
		}
		b.WriteString(`. <a class="download" href="`)
		writeEsc(b, v.Href(c.CSV))
		b.WriteString(`" download>`)
		writeEsc(b, v.T("chart.csv"))
		b.WriteString("</a></p>\n")
	})
}
