package site

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"reportsite/internal/dataset"
)

// Rows writes the rows of a table of figures ("figtable" in
// layouts/partials/figures.html), one <tr> per figure, in one call per
// table. They are written in Go rather than by a template because a site
// has tens of thousands of them (every figure is a row on its report's and
// its indicator's pages, in both languages): a template costs three times
// more per row, mostly in reflective calls. What does not change from row to
// row (labels, tags, addresses) is looked up and escaped once per table.
// Every value is escaped.
func (v *View) Rows(t FigureTable) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		w := v.rowWriter(t)
		b.Grow(len(t.Figures) * 1200)
		for _, f := range t.Figures {
			w.row(b, f)
		}
	})
}

// rowWriter holds what the rows of one table share.
type rowWriter struct {
	v    *View
	t    FigureTable
	lang string
	*rowTexts
}

// rowTexts are the parts of rows that are the same in every table of a
// language, escaped: worked out once per build for each language.
type rowTexts struct {
	label              TableHead // each heading as the attribute ` data-label="…"`
	cumulative         string    // the "cumulative" tag
	inferred, noteHead string
	untranslated       string
	targets            string // the targets page
	indicators         string // the start of an indicator's address, escaped
	reports            string // the start of a report's address, escaped
}

func (v *View) rowWriter(t FigureTable) *rowWriter {
	return &rowWriter{v: v, t: t, lang: v.langOr("zh"), rowTexts: v.rowTexts()}
}

func (v *View) rowTexts() *rowTexts {
	if rt, ok := v.Site.rowTexts.Load(v.Lang); ok {
		return rt.(*rowTexts)
	}
	esc := template.HTMLEscapeString
	label := func(heading string) string { return ` data-label="` + esc(heading) + `"` }
	h := v.tableHead()
	rt := &rowTexts{label: TableHead{Indicator: label(h.Indicator), Region: label(h.Region),
		Period: label(h.Period), Kind: label(h.Kind), Value: label(h.Value), Source: label(h.Source)}}
	rt.cumulative = ` <span class="tag">` + esc(v.T("fig.cumulative")) + `</span>`
	rt.inferred = ` <span class="tag">` + esc(v.T("fig.period_inferred")) + `</span>`
	rt.noteHead = `<br><span class="card-meta">` + esc(v.T("fig.period_note")) + " "
	rt.untranslated = ` <span class="card-meta">` + esc(v.T("fig.quote_untranslated")) + `</span>`
	rt.targets = esc(v.L("targets/"))
	rt.indicators = esc(v.L("indicators/"))
	rt.reports = esc(v.L("reports/"))
	v.Site.rowTexts.Store(v.Lang, rt) // two pages may work it out at once, alike
	return rt
}

func (w *rowWriter) row(b *bytes.Buffer, f *dataset.Figure) {
	v := w.v
	b.WriteString("<tr")
	if w.t.Anchors {
		b.WriteString(` id="f-`)
		writeEsc(b, f.ID)
		b.WriteString(`"`)
	} else {
		// The figure's id, for its citation (layouts/static/js/cite.js).
		b.WriteString(` data-f="`)
		writeEsc(b, f.ID)
		b.WriteString(`"`)
	}
	b.WriteString(">")
	cumulative := ""
	if f.Cumulative {
		cumulative = w.cumulative
	}
	if w.t.Indicator {
		put(b, "<td", w.label.Indicator, `><a href="`, w.indicators)
		writeEsc(b, f.IndicatorID)
		b.WriteString(`/">`)
		writeEsc(b, f.Indicator.Name(w.lang))
		put(b, "</a>", cumulative, "</td>")
		cumulative = ""
	}
	put(b, "<td", w.label.Region, ">")
	writeEsc(b, v.Region(f.Region))
	put(b, cumulative, "</td><td", w.label.Period, ">")
	w.period(b, f)
	put(b, "</td><td", w.label.Kind, `><span class="kind kind-`)
	writeEsc(b, f.Kind)
	b.WriteString(`">`)
	writeEsc(b, v.Kind(f))
	b.WriteString("</span>")
	if t := v.Site.targetOf[f]; t != nil {
		b.WriteString(` <a class="status status-`)
		writeEsc(b, string(t.Status))
		put(b, `" href="`, w.targets, "#t-")
		writeEsc(b, f.ID)
		b.WriteString(`">`)
		writeEsc(b, v.Status(t))
		b.WriteString("</a>")
	}
	put(b, `</td><td class="num"`, w.label.Value, ">")
	writeEsc(b, v.Value(f))
	put(b, `</td><td class="quote"`, w.label.Source, ">")
	w.quote(b, f)
	put(b, ` <a href="`, w.reports)
	w.figureAddress(b, f)
	b.WriteString(`">`)
	writeEsc(b, f.Report.Title(w.lang))
	b.WriteString(" §")
	writeEsc(b, f.Paragraph())
	b.WriteString("</a>")
	if n := len(v.Site.Data.Same(f)) - 1; n > 0 && w.t.Anchors {
		b.WriteString(` <span class="tag">`)
		writeEsc(b, v.Plural("fig.also", n))
		b.WriteString("</span>")
	}
	b.WriteString("</td></tr>\n")
}

// figureAddress writes the rest of the address of a figure in its
// report's text (FigureURL), after w.reports.
func (w *rowWriter) figureAddress(b stringWriter, f *dataset.Figure) {
	writeEsc(b, f.ReportID)
	b.WriteString("/#")
	writeEsc(b, f.Paragraph())
}

// period writes a figure's period, and where the text gives none, the tag
// "period not stated" with the editor's reading.
func (w *rowWriter) period(b *bytes.Buffer, f *dataset.Figure) {
	writeEsc(b, w.v.Period(f))
	if f.PeriodInferred {
		b.WriteString(w.inferred)
	}
	if note := f.PeriodNote(w.lang); note != "" {
		b.WriteString(w.noteHead)
		writeEsc(b, note)
		b.WriteString("</span>")
	}
}

// quote writes a figure's source sentence: on an English page the sentence
// of the translation, with the Chinese quote beside it; the Chinese quote
// alone where the English has none.
func (w *rowWriter) quote(b *bytes.Buffer, f *dataset.Figure) {
	zh := func() {
		b.WriteString(`<q lang="zh-`)
		writeEsc(b, f.Report.Script)
		b.WriteString(`">`)
		writeEsc(b, f.Quote)
		b.WriteString(`</q>`)
	}
	if w.lang != "en" {
		zh()
		return
	}
	en := w.v.Site.englishQuote(f)
	if en == "" {
		zh()
		b.WriteString(w.untranslated)
		return
	}
	b.WriteString(`<q>`)
	writeEsc(b, en)
	b.WriteString(`</q><br><span class="quote-zh">`)
	zh()
	b.WriteString(`</span>`)
}

// cell runs one of the writers above for a single cell of a layout (the
// targets page shows a figure's period and quote outside a table).
func (w *rowWriter) cell(write func(*rowWriter, *bytes.Buffer, *dataset.Figure), f *dataset.Figure) template.HTML {
	var b bytes.Buffer
	write(w, &b, f)
	return template.HTML(b.String())
}

// put writes the strings one after the other, without joining them first.
func put(b *bytes.Buffer, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// stringWriter is what markup is written to: the page being rendered, or
// a strings.Builder for a fragment that is kept.
type stringWriter interface{ WriteString(string) (int, error) }

// writeEsc writes s to b escaped for HTML text or a quoted attribute (as
// html/template.HTMLEscapeString does, without a copy of s).
func writeEsc(b stringWriter, s string) { escapeTo(b, s, &htmlSpecial) }

// writeLayoutEsc writes s escaped as html/template escapes a value that a
// layout prints, which also writes + as &#43;: for markup moved from a
// layout into Go, so that its bytes stay as they were.
func writeLayoutEsc(b stringWriter, s string) { escapeTo(b, s, &layoutSpecial) }

// specialBytes are the bytes an escaping writer replaces, as a list and as
// a table.
type specialBytes struct {
	list  string
	table [256]bool
}

func special(list string) specialBytes {
	s := specialBytes{list: list}
	for i := 0; i < len(list); i++ {
		s.table[list[i]] = true
	}
	return s
}

var (
	htmlSpecial   = special("<>&\"'\x00")
	layoutSpecial = special("<>&\"'\x00+")
)

func escapeTo(b stringWriter, s string, special *specialBytes) {
	for {
		i := special.next(s)
		b.WriteString(s[:i])
		if i == len(s) {
			return
		}
		switch s[i] {
		case '+':
			b.WriteString("&#43;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default: // 0
			b.WriteString("\uFFFD")
		}
		s = s[i+1:]
	}
}

// next is the index of the first byte of s to replace, or len(s). A long
// text (a report's paragraph) is searched once for each such byte with
// strings.IndexByte, whose vector instructions pass over it many times
// faster than a loop a byte: most text has none of them, or few. A short
// one is looked at a byte at a time.
func (sp *specialBytes) next(s string) int {
	if len(s) < 64 {
		for i := 0; i < len(s); i++ {
			if sp.table[s[i]] {
				return i
			}
		}
		return len(s)
	}
	end := len(s)
	for i := 0; i < len(sp.list); i++ {
		if j := strings.IndexByte(s[:end], sp.list[i]); j >= 0 {
			end = j
		}
	}
	return end
}

// YearRows writes the rows of a year's table (layouts/year.html), one <tr>
// per indicator with a cell per region, in one call per table, for the
// reason Rows gives: a year's page shows a hundred figures or more, each
// a dozen template actions. The markup is as the layout wrote it, byte for
// byte (TestYearRowsAsTemplate).
func (v *View) YearRows(y *YearPage) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		cumulative := " · " + layoutEsc(v.T("fig.cumulative"))
		inferred := " · " + layoutEsc(v.T("fig.period_inferred"))
		for _, r := range y.Rows {
			b.WriteString(`<tr><th scope="row"><a href="`)
			writeURL(b, r.URL)
			b.WriteString(`">`)
			writeLayoutEsc(b, r.Name)
			b.WriteString("</a></th>\n")
			for _, c := range r.Cells {
				b.WriteString(`<td data-label="`)
				writeLayoutEsc(b, c.Region)
				b.WriteString(`">`)
				for _, f := range c.Figures {
					b.WriteString(`<span class="year-value"><a href="`)
					writeURL(b, f.URL)
					b.WriteString(`" title="`)
					writeLayoutEsc(b, f.Quote)
					b.WriteString(`">`)
					writeLayoutEsc(b, f.Value)
					b.WriteString(`</a> <span class="card-meta">`)
					writeLayoutEsc(b, f.Period)
					if !f.Actual {
						b.WriteString(" · ")
						writeLayoutEsc(b, f.Kind)
					}
					if f.Cumulative {
						b.WriteString(cumulative)
					}
					if f.PeriodInferred {
						b.WriteString(inferred)
					}
					b.WriteString("</span></span>")
				}
				if c.More > 0 {
					b.WriteString(`<a class="more" href="`)
					writeURL(b, r.URL)
					b.WriteString(`">`)
					writeLayoutEsc(b, c.MoreText)
					b.WriteString("</a>")
				}
				b.WriteString("</td>")
			}
			b.WriteString("</tr>\n")
		}
	})
}

// layoutEsc is s escaped as writeLayoutEsc writes it.
func layoutEsc(s string) string {
	var b strings.Builder
	writeLayoutEsc(&b, s)
	return b.String()
}

// writeURL writes the address s as a layout writes it in a quoted
// attribute (href="{{.}}"): html/template keeps the characters a URL may
// hold as they are, writes any other byte as %xx, and then escapes & and +
// for the attribute; an address with a scheme other than http, https or
// mailto (javascript:) it replaces with "#ZgotmplZ".
func writeURL(b stringWriter, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~%", c) >= 0:
			continue
		default:
			repl = percent(c)
		}
		b.WriteString(s[done:i])
		b.WriteString(repl)
		done = i + 1
	}
	b.WriteString(s[done:])
}

// TargetRows writes the rows of the targets page's table of all targets
// (layouts/targets.html), in one call per table, for the reason Rows
// gives; the markup is as the layout wrote it (TestTargetRowsAsTemplate).
func (v *View) TargetRows(tp *TargetsPage) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		label := func(key string) string { return ` data-label="` + layoutEsc(v.T(key)) + `"` }
		status, indicator, region, target, latest := label("targets.status"), label("fig.indicator"), label("fig.region"), label("targets.target"), label("targets.latest")
		for _, it := range tp.AllItems {
			put(b, "<tr><td", status, ` data-sort="`)
			writeLayoutEsc(b, it.Status)
			b.WriteString(`"><a class="status status-`)
			writeLayoutEsc(b, it.Status)
			b.WriteString(`" href="#t-`)
			writeURLPart(b, it.ID)
			b.WriteString(`">`)
			writeLayoutEsc(b, it.StatusLabel)
			put(b, "</a></td>\n<td", indicator, `><a href="`)
			writeURL(b, it.IndicatorURL)
			b.WriteString(`">`)
			writeLayoutEsc(b, it.IndicatorName)
			put(b, "</a></td>\n<td", region, ">")
			writeLayoutEsc(b, it.Region)
			put(b, "</td>\n<td", target, ` data-sort="`, strconv.Itoa(int(it.PeriodTo)), `">`)
			writeLayoutEsc(b, it.Value)
			b.WriteString(" · ")
			writeLayoutEsc(b, it.Period)
			put(b, "</td>\n<td", latest, ">")
			writeLayoutEsc(b, it.Progress)
			b.WriteString("</td></tr>\n")
		}
	})
}

// writeURLPart writes s as a layout writes a value in the middle of an
// address (href="#t-{{.}}"): html/template keeps only the unreserved
// characters and writes any other byte as %xx.
func writeURLPart(b stringWriter, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(percent(s[i]))
		done = i + 1
	}
	b.WriteString(s[done:])
}

// percent is the byte c written as %xx.
func percent(c byte) string {
	const hex = "0123456789abcdef"
	return string([]byte{'%', hex[c>>4], hex[c&15]})
}
