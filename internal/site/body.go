package site

import (
	"bytes"
	"html/template"

	"reportsite/internal/dataset"
)

// Body is the text of a report page: every block with its figures, and on
// English pages the Chinese original of each block on demand. Like Rows, it
// is written in Go rather than as a template because it is most of a
// site's output (reports × blocks × languages) and a template costs ten
// times more per block. The page around it is layouts/report.html. Every
// value that is not already HTML is escaped.
//
// For search (see package search), every paragraph and caption is a place
// a result can link to: Pagefind cuts a page into parts at each element
// with data-pagefind-title (as at each heading), so that a hit is shown
// with its own paragraph and links to its #p- anchor. What only repeats
// the text or describes it — pull-quotes, the Chinese original under the
// English, the figure lists, stale-translation notes — is left out of the
// index with data-pagefind-ignore, so that a hit lands on the paragraph
// itself.
func (v *View) Body(rp *ReportPage) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		// Room for the text, the marks and the originals, so that the page
		// grows once, not step by step.
		size := 0
		for _, bl := range rp.Blocks {
			size += bl.Text.size() + len(bl.Lead) + bl.Original.size() + 800*len(bl.Figures) + 300
		}
		b.Grow(size)
		script := v.ScriptLang(rp.Report)
		w := v.rowWriter(FigureTable{})
		for _, bl := range rp.Blocks {
			v.block(b, w, script, bl)
		}
	})
}

// Contents writes a report's table of contents: nested lists, each heading
// a link to it. It is written here, not by a recursive partial, which took
// a quarter of a millisecond a page (a template call a level, several
// reflective calls a heading), 6% of a build of 1,000 reports. Headings'
// ids are the seed's (h-12): no address escaping is needed.
func (v *View) Contents(toc []*TOCEntry) template.HTML {
	return v.emit(func(b *bytes.Buffer) { writeContents(b, toc) })
}

func writeContents(b *bytes.Buffer, toc []*TOCEntry) {
	b.WriteString("<ol>")
	for _, e := range toc {
		b.WriteString(`<li><a href="#`)
		writeLayoutEsc(b, e.ID)
		b.WriteString(`">`)
		writeLayoutEsc(b, e.Text)
		b.WriteString("</a>")
		if len(e.Children) > 0 {
			writeContents(b, e.Children)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol>")
}

// block writes one block of a report's body, with its figures.
func (v *View) block(b *bytes.Buffer, w *rowWriter, script string, bl *BlockView) {
	switch bl.Kind {
	case "heading":
		h := string(rune('0' + min(max(bl.Level+1, 2), 5)))
		put(b, "<h", h, ` id="`)
		writeEsc(b, bl.ID)
		b.WriteString(`">`)
		bl.Text.writeTo(b)
		put(b, "</h", h, ">\n")
	case "paragraph":
		b.WriteString(`<p id="`)
		writeEsc(b, bl.ID)
		b.WriteString(`" data-pagefind-title="`)
		writeEsc(b, bl.ID)
		b.WriteString(`"`)
		if bl.Fallback {
			put(b, ` class="fallback" lang="`, script, `"`)
		}
		b.WriteString(">")
		if bl.Lead != "" {
			b.WriteString(`<strong class="lead" id="`)
			writeEsc(b, bl.HeadingID)
			put(b, `">`, string(bl.Lead), "</strong>")
		}
		bl.Text.writeTo(b)
		b.WriteString(`<a class="permalink" href="#`)
		writeEsc(b, bl.ID)
		b.WriteString(`" aria-label="`)
		writeEsc(b, v.T("report.permalink"))
		b.WriteString(" ")
		writeEsc(b, bl.ID)
		b.WriteString(`"></a></p>` + "\n")
	case "highlight":
		b.WriteString(`<aside class="highlight" data-pagefind-ignore id="`)
		writeEsc(b, bl.ID)
		b.WriteString(`" aria-label="`)
		writeEsc(b, v.T("report.highlight"))
		b.WriteString(`"><p>`)
		bl.Text.writeTo(b)
		b.WriteString("</p></aside>\n")
	case "caption":
		b.WriteString(`<p class="caption" id="`)
		writeEsc(b, bl.ID)
		b.WriteString(`" data-pagefind-title="`)
		writeEsc(b, bl.ID)
		b.WriteString(`" data-label="`)
		writeEsc(b, v.T("report.caption"))
		b.WriteString(`">`)
		bl.Text.writeTo(b)
		b.WriteString("</p>\n")
	default:
		b.WriteString(`<p class="body-meta" id="`)
		writeEsc(b, bl.ID)
		b.WriteString(`">`)
		bl.Text.writeTo(b)
		b.WriteString("</p>\n")
	}
	if bl.Stale {
		b.WriteString(`<p class="stale-note" data-pagefind-ignore>`)
		writeEsc(b, v.T("report.block_stale"))
		b.WriteString("</p>\n")
	}
	if !bl.Original.IsZero() && bl.Kind != "heading" {
		b.WriteString(`<details class="original" data-pagefind-ignore><summary>`)
		writeEsc(b, v.T("report.show_original"))
		put(b, `</summary><p lang="`, script, `">`)
		bl.Original.writeTo(b)
		b.WriteString("</p></details>\n")
	}
	if len(bl.Figures) > 0 {
		w.list(b, bl.Figures)
	}
}

// list writes the figures of one paragraph, under it.
func (w *rowWriter) list(b *bytes.Buffer, figs []*dataset.Figure) {
	v := w.v
	b.WriteString(`<details class="para-figures" data-pagefind-ignore><summary>`)
	writeEsc(b, v.Plural("fig.in_paragraph", len(figs)))
	b.WriteString("</summary>\n<ul>")
	for _, f := range figs {
		b.WriteString(`<li id="f-`)
		writeEsc(b, f.ID)
		put(b, `"><a href="`, w.indicators)
		writeEsc(b, f.IndicatorID)
		b.WriteString(`/">`)
		writeEsc(b, f.Indicator.Name(w.lang))
		b.WriteString("</a>: <strong>")
		writeEsc(b, v.Value(f))
		b.WriteString("</strong> · ")
		writeEsc(b, v.Region(f.Region))
		b.WriteString(" · ")
		w.period(b, f)
		b.WriteString(` · <span class="kind kind-`)
		writeEsc(b, f.Kind)
		b.WriteString(`">`)
		writeEsc(b, v.Kind(f))
		b.WriteString("</span>")
		if f.Cumulative {
			b.WriteString(" · ")
			writeEsc(b, v.T("fig.cumulative"))
		}
		b.WriteString(` <a class="permalink" href="#f-`)
		writeEsc(b, f.ID)
		b.WriteString(`" aria-label="`)
		writeEsc(b, f.ID)
		b.WriteString(`"></a></li>` + "\n")
	}
	b.WriteString("</ul></details>\n")
}
