package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/targets"
)

// writeExports writes the language-neutral data files: every figure as
// JSON and CSV, the indicators, the targets, and a CSV per chart. Each is
// written as it is made, one record at a time.
func (s *Site) writeExports(sink Sink, files *atomic.Int64) diag.List {
	var errs diag.List
	stream := func(p string, write func(io.Writer) error) {
		files.Add(1)
		errs.Append(sink.Stream(p, write))
	}
	stream("data/figures.json", func(w io.Writer) error {
		return dataset.WriteFiguresJSON(w, s.Data.Figures, s.absReportURL, s.englishQuote)
	})
	stream("data/figures.csv", func(w io.Writer) error {
		return dataset.WriteFiguresCSV(w, s.Data.Figures, s.absReportURL, s.englishQuote)
	})
	stream("data/indicators.json", func(w io.Writer) error { _, err := w.Write(dataset.IndicatorsJSON(s.Data)); return err })
	stream("data/targets.json", func(w io.Writer) error {
		return dataset.WriteJSONArray(w, len(s.Targets), func(i int) any { return s.Targets[i].Record() })
	})
	stream("data/targets.csv", s.writeTargetsCSV)
	for _, key := range sortedKeys(s.Charts) {
		if c := s.Charts[key]; c.Lang == s.Languages[0] {
			stream(c.CSV, func(w io.Writer) error { return dataset.WriteFiguresCSV(w, c.Figures, s.absReportURL, s.englishQuote) })
		}
	}
	return errs
}

// absReportURL is a report's address for the exports: absolute when the
// base URL is, so that a downloaded file still points at the site.
func (s *Site) absReportURL(lang, id string) string { return s.ReportURL(lang, id) }

func (s *Site) robots() []byte {
	var b bytes.Buffer
	b.WriteString("User-agent: *\nAllow: /\n")
	if strings.HasPrefix(s.Base, "http") {
		fmt.Fprintf(&b, "Sitemap: %ssitemap.xml\n", s.Base)
	}
	return b.Bytes()
}

// sitemap lists every page in each language with its hreflang twin.
func (s *Site) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range s.pages {
		if p.Lang == "" {
			continue
		}
		v := &View{Page: p, Site: s}
		fmt.Fprintf(&b, "  <url>\n    <loc>%s</loc>\n", xmlEscape(v.Self()))
		for _, lang := range s.Languages {
			href := v.Self()
			if lang != p.Lang {
				href = v.Twin()
			}
			fmt.Fprintf(&b, "    <xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>\n", hreflang(lang), xmlEscape(href))
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func hreflang(lang string) string {
	if lang == "zh" {
		return "zh-Hans"
	}
	return lang
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// checkTranslatedFigures warns where an English paragraph does not contain
// the number of a figure quoted from its Chinese: a dropped clause or a
// wrong magnitude (万 and 亿 are where translations go wrong).
func (s *Site) checkTranslatedFigures(r *dataset.Report, t *i18n.Translation) diag.List {
	var l diag.List
	if r.Doc == nil {
		return l
	}
	for _, f := range s.Data.FiguresOf(r) {
		b := f.Match.Block
		en, _ := t.Lookup(i18n.Unit{ID: b.ID, Zh: b.Text})
		if en == "" {
			continue
		}
		if len(enSpans(en, []*dataset.Figure{f})) == 0 {
			l.Warn(diag.Pos{File: t.Path}, fmt.Sprintf("the English of %s should say %s", b.ID, f.EnglishNumber()),
				"figure %s (%s) is not in the English text of %s", f.ID, f.Display("zh"), b.ID)
		}
	}
	return l
}

// writeTargetsCSV writes every target with its status, with a header row.
func (s *Site) writeTargetsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(targets.Columns)
	for _, t := range s.Targets {
		_ = cw.Write(t.Record().Row(dataset.CSVText))
	}
	cw.Flush()
	return cw.Error()
}
