package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"

	"reportsite/internal/dataset"
	"reportsite/internal/i18n"
	"reportsite/internal/seed"
)

// ReportPage is the data of a report page in one language.
type ReportPage struct {
	Report   *dataset.Report
	Lang     string
	TOC      []*TOCEntry
	Blocks   []*BlockView
	Figures  []*dataset.Figure
	Errata   []*dataset.Erratum
	Meta     []MetaRow
	HeadMeta []string // metadata lines of the seed's head, as printed
	// English pages: whether a translation exists, and how many blocks are
	// still shown in Chinese because their English is missing or stale.
	Translated   bool
	Untranslated int
	Stale        int
	Years        []int
	Citation     *CSL // how to cite the page (View.Cite)
}

// MetaRow is one line of a report's metadata table.
type MetaRow struct {
	Label string
	Value string
	Lang  string // set when the value is in another language than the page
}

// TOCEntry is one heading in a report's table of contents.
type TOCEntry struct {
	ID       string
	Text     string
	Children []*TOCEntry
}

// BlockView is one block of a report as a page shows it.
type BlockView struct {
	Kind      string // heading, paragraph, highlight, caption, meta
	ID        string
	HeadingID string // run-in heading of a paragraph
	Level     int
	Lead      template.HTML // run-in heading
	Text      Marked        // the text, with figures and corrections marked
	// Original is the Chinese text on an English page, run-in heading
	// included.
	Original Marked
	// Fallback is set on an English page when the block is shown in Chinese
	// because its translation is missing; Stale when the translation is
	// shown but was made from an earlier Chinese text.
	Fallback bool
	Stale    bool
	Note     string
	Figures  []*dataset.Figure
}

// Marked is a text of a block and what is marked in it: the spans that
// quote figures (each followed by links to its figures) and the
// corrections made by errata. It is marked up as the page is written
// (Body), straight into the page: the marked-up texts of a report are
// most of its page, and as strings of their own they were a tenth of
// what a build of 1,000 reports allocates.
type Marked struct {
	lead  template.HTML // an escaped run-in heading written before the text
	text  string
	spans []span
	corr  []seed.Correction
	links figureLinks
}

// IsZero reports whether there is nothing to write.
func (m *Marked) IsZero() bool { return m.lead == "" && m.text == "" }

// size is about the length of the marked-up text.
func (m *Marked) size() int {
	n := len(m.lead) + len(m.text) + len(m.text)/8 + 300*len(m.corr)
	for _, sp := range m.spans {
		for _, f := range sp.figs {
			n += len(f.ID) + m.links.size(f)
		}
		n += 40
	}
	return n
}

// figuresByBlock groups a report's figures by the block their quote is in.
func (s *Site) figuresByBlock(r *dataset.Report) map[string][]*dataset.Figure {
	m := map[string][]*dataset.Figure{}
	for _, f := range s.Data.FiguresOf(r) {
		m[f.Paragraph()] = append(m[f.Paragraph()], f)
	}
	for _, fs := range m {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Match.Start < fs[j].Match.Start })
	}
	return m
}

func (s *Site) reportPage(r *dataset.Report, lang string) *ReportPage {
	rp := &ReportPage{Report: r, Lang: lang, Errata: r.Erratum, Years: r.Covers}
	tr := s.Translations[r.ID]
	rp.Translated = lang == "en" && tr != nil
	byBlock := s.figuresByBlock(r)
	body := r.Doc.Body()
	views := make([]BlockView, len(body)) // one allocation for the page's blocks
	rp.Blocks = make([]*BlockView, 0, len(body))
	for i, b := range body {
		if b.ID == "" {
			continue
		}
		v := &views[i]
		*v = BlockView{Kind: b.Kind.String(), ID: b.ID, HeadingID: b.HeadingID(), Level: b.Level, Figures: byBlock[b.ID]}
		var zhLead template.HTML
		if b.Lead != "" {
			zhLead = template.HTML(template.HTMLEscapeString(b.Lead))
		}
		zh := Marked{text: b.Text, spans: zhSpans(b, v.Figures), corr: b.Corrections, links: s.figureLinks(lang)}
		if lang == "zh" {
			v.Lead, v.Text = zhLead, zh
		} else {
			v.Original = zh
			v.Original.lead = zhLead
			v.Lead, v.Text = s.english(rp, tr, v, b, zhLead, zh)
		}
		rp.Blocks = append(rp.Blocks, v)
		rp.Figures = append(rp.Figures, v.Figures...)
	}
	rp.TOC = s.toc(r.Doc.Outline(3), tr, lang)
	rp.Citation = s.reportCitation(r, lang)
	rp.Meta = s.reportMeta(r, lang)
	for _, b := range r.Doc.Blocks {
		if b.Kind == seed.Meta && b.ID == "" {
			rp.HeadMeta = append(rp.HeadMeta, b.Text)
		}
	}
	return rp
}

// english returns the English lead and text of a block, falling back to the
// Chinese (and counting it) where there is no translation.
func (s *Site) english(rp *ReportPage, tr *i18n.Translation, v *BlockView, b *seed.Block, zhLead template.HTML, zh Marked) (template.HTML, Marked) {
	lookup := func(id, zh string) (string, bool) {
		en, ok := tr.Lookup(s.unit(rp.Report.ID, id, zh))
		switch {
		case en == "":
			rp.Untranslated++
			v.Fallback = true
			return "", false
		case !ok:
			rp.Stale++
			v.Stale = true
		}
		return en, true
	}
	var lead template.HTML
	var text Marked
	if b.Lead != "" {
		if en, ok := lookup(b.HeadingID(), b.Lead); ok {
			lead = template.HTML(template.HTMLEscapeString(en) + " ")
		} else {
			lead = zhLead
		}
	}
	if b.Text != "" {
		if en, ok := lookup(b.ID, b.Text); ok {
			text = Marked{text: en, spans: enSpans(en, v.Figures), links: s.figureLinks("en")}
		} else {
			text = zh
		}
	}
	v.Note = tr.Note(b.ID)
	return lead, text
}

func (s *Site) toc(secs []*seed.Section, tr *i18n.Translation, lang string) []*TOCEntry {
	var out []*TOCEntry
	for _, sec := range secs {
		b := sec.Block
		text := b.HeadingText()
		if lang == "en" {
			if en := tr.English(b.HeadingID()); en != "" {
				text = strings.TrimRight(en, ".")
			}
		}
		out = append(out, &TOCEntry{ID: b.HeadingID(), Text: text, Children: s.toc(sec.Children, tr, lang)})
	}
	return out
}

func (s *Site) reportMeta(r *dataset.Report, lang string) []MetaRow {
	t := func(k string) string { return s.t(lang, k) }
	rows := []MetaRow{
		{Label: t("report.issuer"), Value: r.Issuer(lang)},
		{Label: t("report.region"), Value: (func() string { g, _ := dataset.RegionByID(r.Region); return g.Name(lang) })()},
		{Label: t("report.kind"), Value: t("report.kind." + r.Kind)},
		{Label: t("report.period"), Value: r.Period.Label(lang)},
		{Label: t("report.published"), Value: r.Published.Label(lang)},
	}
	if !r.Delivered.IsZero() {
		rows = append(rows, MetaRow{Label: t("report.delivered"), Value: r.Delivered.Label(lang)})
	}
	if sp := pick(lang, r.SpeakerZh, r.SpeakerEn); sp != "" {
		rows = append(rows, MetaRow{Label: t("report.speaker"), Value: sp})
	}
	if r.Number != "" {
		rows = append(rows, MetaRow{Label: t("report.number"), Value: r.Number, Lang: "zh-" + r.Script})
	}
	if src := pick(lang, r.SourceZh, r.SourceEn); src != "" {
		rows = append(rows, MetaRow{Label: t("report.source"), Value: src})
	}
	rows = append(rows, MetaRow{Label: t("report.script"), Value: t("script." + r.Script)})
	seedRef := r.Doc.File
	if len(r.Lines) == 2 {
		seedRef += fmt.Sprintf(t("report.lines"), r.Lines[0], r.Lines[1])
	}
	rows = append(rows, MetaRow{Label: t("report.seed"), Value: seedRef})
	for _, a := range r.Alternate {
		rows = append(rows, MetaRow{Label: t("report.alternate"), Value: a.Doc.File + " — " + pick(lang, a.NoteZh, a.NoteEn)})
	}
	return rows
}

// span is a stretch of text that quotes one or more figures.
type span struct {
	start, end int
	figs       []*dataset.Figure
}

// zhSpans are the figures' quotes in a block's Text (offsets relative to
// Text, not Lead+Text; a quote inside the run-in heading is not marked).
func zhSpans(b *seed.Block, figs []*dataset.Figure) []span {
	out := make([]span, 0, len(figs))
	for k, f := range figs {
		st, en := f.Match.Start-len(b.Lead), f.Match.End-len(b.Lead)
		if st >= 0 {
			out = append(out, span{st, en, figs[k : k+1 : k+1]})
		}
	}
	return merge(out)
}

// enSpans finds each figure's English value in a translation: the number
// as the English edition writes it (5.5%, 45,000, 753 billion).
func enSpans(en string, figs []*dataset.Figure) []span {
	out := make([]span, 0, len(figs))
	for k, f := range figs {
		needle := f.EnglishNumber()
		from := 0
		for {
			i := strings.Index(en[from:], needle)
			if i < 0 {
				break
			}
			i += from
			end := i + len(needle)
			if boundary(en, i, end) && !slices.ContainsFunc(out, func(sp span) bool { return sp.start == i }) {
				out = append(out, span{i, end, figs[k : k+1 : k+1]})
				break
			}
			from = i + 1
		}
	}
	return merge(out)
}

// boundary reports whether en[i:end] is a whole number, not part of a
// longer one (5.5 in 15.5 or 5.55).
func boundary(en string, i, end int) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	if i > 0 && (digit(en[i-1]) || en[i-1] == '.' || en[i-1] == ',') {
		return false
	}
	if end < len(en) && digit(en[end]) {
		return false
	}
	if end+1 < len(en) && (en[end] == '.' || en[end] == ',') && digit(en[end+1]) {
		return false
	}
	return true
}

// merge joins overlapping spans, keeping their figures, in place. A span's
// figures are a slice of capacity one, which the join copies.
func merge(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, sp.end)
			out[n-1].figs = append(out[n-1].figs, sp.figs...)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// figureLinks writes the links that follow a figure marked in the text: to
// its row on its indicator's page, titled with the indicator and value.
type figureLinks struct {
	s      *Site
	lang   string
	prefix string // the address of the indicators' pages, escaped
}

func (s *Site) figureLinks(lang string) figureLinks {
	return figureLinks{s: s, lang: lang, prefix: template.HTMLEscapeString(s.Base + lang + "/indicators/")}
}

// size is about the length of f's link.
func (l figureLinks) size(f *dataset.Figure) int {
	return len(l.prefix) + len(f.IndicatorID) + len(f.ID) + 2*(len(f.Indicator.Name(l.lang))+len(l.s.value(f, l.lang))) + 80
}

func (l figureLinks) write(b *bytes.Buffer, f *dataset.Figure) {
	b.WriteString(`<a class="figref" href="`)
	b.WriteString(l.prefix)
	writeEsc(b, f.IndicatorID)
	b.WriteString("/#f-")
	writeEsc(b, f.ID)
	for _, attr := range []string{`" title="`, `" aria-label="`} {
		b.WriteString(attr)
		writeEsc(b, f.Indicator.Name(l.lang))
		b.WriteString(": ")
		writeEsc(b, l.s.value(f, l.lang))
	}
	b.WriteString(`"></a>`)
}

// writeTo writes the text escaped, with its spans and corrections marked.
func (m *Marked) writeTo(b *bytes.Buffer) {
	b.WriteString(string(m.lead))
	text, spans, corr := m.text, m.spans, m.corr
	pos := 0
	type event struct {
		at   int
		kind int // 0 close span, 1 correction, 2 open span (closes sort first)
		i    int
	}
	evs := make([]event, 0, 2*len(spans)+len(corr))
	for i, sp := range spans {
		evs = append(evs, event{sp.start, 2, i}, event{sp.end, 0, i})
	}
	for i, c := range corr {
		evs = append(evs, event{c.Offset, 1, i})
	}
	slices.SortStableFunc(evs, func(a, b event) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.kind, b.kind)) })
	for _, ev := range evs {
		if ev.at > pos {
			writeEsc(b, text[pos:ev.at])
			pos = ev.at
		}
		switch ev.kind {
		case 2:
			b.WriteString(`<mark class="fig" data-figures="`)
			for k, f := range spans[ev.i].figs {
				if k > 0 {
					b.WriteString(" ")
				}
				writeEsc(b, f.ID)
			}
			b.WriteString(`">`)
		case 0:
			b.WriteString("</mark>")
			for _, f := range spans[ev.i].figs {
				m.links.write(b, f)
			}
		case 1:
			c := corr[ev.i]
			if c.Offset < pos {
				continue
			}
			esc := template.HTMLEscapeString
			fmt.Fprintf(b, `<span class="erratum"><del data-printed="%s" title="%s"></del><ins>%s</ins><a class="erratum-ref" href="#erratum-%d" data-n="%d" aria-label="%s"></a></span>`,
				esc(c.Original), esc(c.Original), esc(c.Corrected), c.Ref, c.Ref, esc(fmt.Sprintf("erratum %d: %s → %s", c.Ref, c.Original, c.Corrected)))
			pos = c.Offset + len(c.Corrected)
		}
	}
	if pos < len(text) {
		writeEsc(b, text[pos:])
	}
}
