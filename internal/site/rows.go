package site

import (
	"html/template"
	"strings"

	"reportsite/internal/dataset"
)

// Row is a figure's row in a table of figures ("figtable" in
// layouts/partials/figures.html). It is written in Go rather than as a
// template because a site has tens of thousands of them (every figure is a
// row on its report's, its indicator's and its year's pages, in both
// languages) and a template costs ten times more per row. Every value is
// escaped.
func (v *View) Row(f *dataset.Figure, t FigureTable) template.HTML {
	var b strings.Builder
	esc := func(s string) string { return template.HTMLEscapeString(s) }
	b.WriteString("<tr")
	if t.Anchors {
		b.WriteString(` id="f-` + esc(f.ID) + `"`)
	}
	b.WriteString(">")
	cumulative := ""
	if f.Cumulative {
		cumulative = ` <span class="tag">` + esc(v.T("fig.cumulative")) + `</span>`
	}
	if t.Indicator {
		b.WriteString(`<td><a href="` + esc(v.IndicatorURL(f.IndicatorID)) + `">` + esc(f.Indicator.Name(v.Lang)) + "</a>" + cumulative + "</td>")
		cumulative = ""
	}
	b.WriteString("<td>" + esc(v.Region(f.Region)) + cumulative + "</td>")
	b.WriteString("<td>" + esc(v.Period(f)) + "</td>")
	b.WriteString(`<td><span class="kind kind-` + esc(f.Kind) + `">` + esc(v.Kind(f)) + "</span></td>")
	b.WriteString(`<td class="num">` + esc(v.Value(f)) + "</td>")
	b.WriteString(`<td class="quote"><q lang="zh-` + esc(f.Report.Script) + `">` + esc(f.Quote) + `</q> <a href="` + esc(v.FigureURL(f)) + `">` +
		esc(f.Report.Title(v.Lang)) + " §" + esc(f.Paragraph()) + "</a></td></tr>\n")
	return template.HTML(b.String())
}
