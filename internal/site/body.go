package site

import (
	"fmt"
	"html/template"
	"strings"

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
	var b strings.Builder
	// Room for the text, the marks and the originals, so that the page is
	// written once, not grown step by step.
	size := 0
	for _, bl := range rp.Blocks {
		size += len(bl.HTML) + len(bl.Lead) + len(bl.Original) + 800*len(bl.Figures) + 300
	}
	b.Grow(size)
	esc := template.HTMLEscapeString
	script := v.ScriptLang(rp.Report)
	w := v.rowWriter(FigureTable{})
	for _, bl := range rp.Blocks {
		switch bl.Kind {
		case "heading":
			h := min(max(bl.Level+1, 2), 5)
			fmt.Fprintf(&b, "<h%d id=\"%s\">%s</h%d>\n", h, esc(bl.ID), bl.HTML, h)
		case "paragraph":
			b.WriteString(`<p id="` + esc(bl.ID) + `" data-pagefind-title="` + esc(bl.ID) + `"`)
			if bl.Fallback {
				b.WriteString(` class="fallback" lang="` + script + `"`)
			}
			b.WriteString(">")
			if bl.Lead != "" {
				b.WriteString(`<strong class="lead" id="` + esc(bl.HeadingID) + `">` + string(bl.Lead) + "</strong>")
			}
			b.WriteString(string(bl.HTML))
			b.WriteString(`<a class="permalink" href="#` + esc(bl.ID) + `" aria-label="` + esc(v.T("report.permalink")+" "+bl.ID) + `"></a></p>` + "\n")
		case "highlight":
			b.WriteString(`<aside class="highlight" data-pagefind-ignore id="` + esc(bl.ID) + `" aria-label="` + esc(v.T("report.highlight")) + `"><p>` + string(bl.HTML) + "</p></aside>\n")
		case "caption":
			b.WriteString(`<p class="caption" id="` + esc(bl.ID) + `" data-pagefind-title="` + esc(bl.ID) + `" data-label="` + esc(v.T("report.caption")) + `">` + string(bl.HTML) + "</p>\n")
		default:
			b.WriteString(`<p class="body-meta" id="` + esc(bl.ID) + `">` + string(bl.HTML) + "</p>\n")
		}
		if bl.Stale {
			b.WriteString(`<p class="stale-note" data-pagefind-ignore>` + esc(v.T("report.block_stale")) + "</p>\n")
		}
		if bl.Original != "" && bl.Kind != "heading" {
			b.WriteString(`<details class="original" data-pagefind-ignore><summary>` + esc(v.T("report.show_original")) + `</summary><p lang="` + script + `">` + string(bl.Original) + "</p></details>\n")
		}
		if len(bl.Figures) > 0 {
			w.list(&b, bl.Figures)
		}
	}
	return template.HTML(b.String())
}

// list writes the figures of one paragraph, under it.
func (w *rowWriter) list(b *strings.Builder, figs []*dataset.Figure) {
	v, esc := w.v, template.HTMLEscapeString
	b.WriteString(`<details class="para-figures" data-pagefind-ignore><summary>` + esc(v.Plural("fig.in_paragraph", len(figs))) + "</summary>\n<ul>")
	for _, f := range figs {
		id := esc(f.ID)
		b.WriteString(`<li id="f-` + id + `"><a href="` + esc(v.IndicatorURL(f.IndicatorID)) + `">` + esc(f.Indicator.Name(w.lang)) + "</a>: <strong>" +
			esc(v.Value(f)) + "</strong> · " + esc(v.Region(f.Region)) + " · ")
		w.period(b, f)
		b.WriteString(` · <span class="kind kind-` + esc(f.Kind) + `">` + esc(v.Kind(f)) + "</span>")
		if f.Cumulative {
			b.WriteString(" · " + esc(v.T("fig.cumulative")))
		}
		b.WriteString(` <a class="permalink" href="#f-` + id + `" aria-label="` + id + `"></a></li>` + "\n")
	}
	b.WriteString("</ul></details>\n")
}
