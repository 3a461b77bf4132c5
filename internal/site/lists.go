package site

import (
	"bytes"
	"html/template"
)

// Lists of figures and of indicators that most pages of a kind carry,
// written in Go for the reason Rows gives (a template action costs about a
// microsecond, most of it in reflective calls), as their layouts wrote
// them, byte for byte (TestListsAsTemplate).

// OmittedItems writes the items of an indicator's list of the figures no
// chart draws (layouts/indicator.html): most indicators have one.
func (v *View) OmittedItems(items []FigureItem) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		for _, it := range items {
			b.WriteString(`<li><a href="#f-`)
			writeURLPart(b, it.ID)
			b.WriteString(`">`)
			for i, s := range [...]string{it.Value, it.Region, it.Period, it.Kind} {
				if i > 0 {
					b.WriteString(" · ")
				}
				writeLayoutEsc(b, s)
				if i == 0 {
					b.WriteString("</a>")
				}
			}
			b.WriteString(" — ")
			writeLayoutEsc(b, it.Reason)
			b.WriteString("</li>")
		}
	})
}

// IndicatorLinks writes the items of one category's list on the index of
// indicators (layouts/indicators.html).
func (v *View) IndicatorLinks(links []IndicatorLink) template.HTML {
	return v.emit(func(b *bytes.Buffer) {
		for _, l := range links {
			b.WriteString(`<li><a href="`)
			writeURL(b, l.URL)
			b.WriteString(`">`)
			writeLayoutEsc(b, l.Name)
			b.WriteString(`</a> <span class="card-meta">`)
			writeLayoutEsc(b, l.Count)
			b.WriteString("</span></li>")
		}
	})
}
