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
	label := func(key string) string { return ` data-label="` + esc(v.T(key)) + `"` }
	if t.Indicator {
		b.WriteString(`<td` + label("fig.indicator") + `><a href="` + esc(v.IndicatorURL(f.IndicatorID)) + `">` + esc(f.Indicator.Name(v.Lang)) + "</a>" + cumulative + "</td>")
		cumulative = ""
	}
	b.WriteString("<td" + label("fig.region") + ">" + esc(v.Region(f.Region)) + cumulative + "</td>")
	b.WriteString("<td" + label("fig.period") + ">" + v.periodCell(f) + "</td>")
	b.WriteString("<td" + label("fig.kind") + `><span class="kind kind-` + esc(f.Kind) + `">` + esc(v.Kind(f)) + "</span>")
	if t := v.Site.targetOf[f]; t != nil {
		b.WriteString(` <a class="status status-` + esc(string(t.Status)) + `" href="` + esc(v.L("targets/")+"#t-"+f.ID) + `">` + esc(v.Status(t)) + "</a>")
	}
	b.WriteString("</td>")
	b.WriteString(`<td class="num"` + label("fig.value") + ">" + esc(v.Value(f)) + "</td>")
	b.WriteString(`<td class="quote"` + label("fig.source") + ">" + v.quoteCell(f) + ` <a href="` + esc(v.FigureURL(f)) + `">` +
		esc(f.Report.Title(v.Lang)) + " §" + esc(f.Paragraph()) + "</a>")
	if n := len(v.Site.Data.Same(f)) - 1; n > 0 && t.Anchors {
		b.WriteString(` <span class="tag">` + esc(v.Plural("fig.also", n)) + "</span>")
	}
	b.WriteString("</td></tr>\n")
	return template.HTML(b.String())
}

// periodCell is a figure's period, and where the text gives none, the tag
// "period not stated" with the editor's reading.
func (v *View) periodCell(f *dataset.Figure) string {
	esc := template.HTMLEscapeString
	s := esc(v.Period(f))
	if f.PeriodInferred {
		s += ` <span class="tag">` + esc(v.T("fig.period_inferred")) + `</span>`
	}
	if note := f.PeriodNote(v.langOr("zh")); note != "" {
		s += `<br><span class="card-meta">` + esc(v.T("fig.period_note")) + " " + esc(note) + "</span>"
	}
	return s
}

// quoteCell is a figure's source sentence: on an English page the sentence
// of the translation, with the Chinese quote beside it; the Chinese quote
// alone where the English has none.
func (v *View) quoteCell(f *dataset.Figure) string {
	esc := template.HTMLEscapeString
	zh := `<q lang="zh-` + esc(f.Report.Script) + `">` + esc(f.Quote) + `</q>`
	if v.Lang != "en" {
		return zh
	}
	en := v.Site.englishQuote(f)
	if en == "" {
		return zh + ` <span class="card-meta">` + esc(v.T("fig.quote_untranslated")) + `</span>`
	}
	return `<q>` + esc(en) + `</q><br><span class="quote-zh">` + zh + `</span>`
}
