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
	"reportsite/internal/memo"
	"reportsite/internal/targets"
)

// writeExports writes the language-neutral data files: every figure as
// JSON and CSV, the indicators, the targets, and a CSV per chart. Each is
// written as it is made, one record at a time.
func (s *Site) writeExports(sink Sink, files *atomic.Int64) diag.List {
	var errs diag.List
	key := "" // what a file shows, for a build with a memo
	stream := func(p string, write func(io.Writer) error) {
		files.Add(1)
		if s.memo == nil {
			errs.Append(sink.Stream(p, write))
			return
		}
		b, _ := memo.Get(s.memo, "export "+p, key, func() (withErrs[[]byte], bool) {
			var buf bytes.Buffer
			var e diag.List
			e.Append(write(&buf))
			return withErrs[[]byte]{buf.Bytes(), e}, len(e) == 0
		})
		errs = append(errs, b.errs...)
		errs.Append(keep(sink, p, b.v))
	}
	// A file of figures is written as it is made; with a memo, it is made
	// of the records kept from the build before, and kept in parts.
	var records map[*dataset.Figure]record
	if s.memo != nil {
		var e diag.List
		records, e = s.records()
		errs = append(errs, e...)
	}
	figures := func(p string, figs []*dataset.Figure, asJSON bool) {
		files.Add(1)
		switch {
		case s.memo == nil && asJSON:
			errs.Append(sink.Stream(p, func(w io.Writer) error { return dataset.WriteFiguresJSON(w, figs, s.absReportURL, s.englishQuote) }))
		case s.memo == nil:
			errs.Append(sink.Stream(p, func(w io.Writer) error { return dataset.WriteFiguresCSV(w, figs, s.absReportURL, s.englishQuote) }))
		case asJSON:
			parts, err := dataset.JSONParts(len(figs), func(i int) ([]byte, error) { return records[figs[i]].json, nil })
			errs.Append(err)
			if err == nil {
				errs.Append(keepParts(sink, p, parts))
			}
		default:
			errs.Append(keepParts(sink, p, dataset.CSVParts(dataset.FigureColumns, len(figs), func(i int) []byte { return records[figs[i]].csv })))
		}
	}
	figures("data/figures.json", s.Data.Figures, true)
	figures("data/figures.csv", s.Data.Figures, false)
	if s.memo != nil { // the indicators and the ids of their figures
		figs := s.Data.Figures
		key = s.global + "|" + s.Data.Version() + "|" + s.memo.Join(len(figs), func(i int) uint64 { return s.Data.Name(figs[i]) })
	}
	stream("data/indicators.json", func(w io.Writer) error { _, err := w.Write(dataset.IndicatorsJSON(s.Data)); return err })
	if s.memo != nil {
		key = s.global + "|" + s.Data.Version() + "|" + s.figuresKey(s.targetFigures())
	}
	stream("data/targets.json", func(w io.Writer) error {
		return dataset.WriteJSONArray(w, len(s.Targets), func(i int) any { return s.Targets[i].Record() })
	})
	stream("data/targets.csv", s.writeTargetsCSV)
	if s.memo != nil { // the reports, and the words of their citations
		key = s.global + "|" + s.Data.Version()
	}
	stream("data/reports.json", func(w io.Writer) error {
		return dataset.WriteJSONArray(w, len(s.Data.Reports), func(i int) any { return s.reportRecord(s.Data.Reports[i]) })
	})
	for _, id := range sortedKeys(s.Charts) {
		if c := s.Charts[id]; c.Lang == s.Languages[0] {
			figures(c.CSV, c.Figures, false)
		}
	}
	return errs
}

// record is a figure's record in the JSON export and its row in the CSV
// exports.
type record struct{ json, csv []byte }

// records are the records of every figure for a build with a memo: the
// records of a report's figures are kept from the build before when the
// figures, their English sentences and the base are the same.
func (s *Site) records() (map[*dataset.Figure]record, diag.List) {
	var errs diag.List
	out := make(map[*dataset.Figure]record, len(s.Data.Figures))
	for _, r := range s.Data.Reports {
		figs := s.Data.FiguresOf(r)
		made, _ := memo.Get(s.memo, "records "+r.ID, s.memo.Join(len(figs), func(i int) uint64 { return s.recordKey(r, i, figs[i]) }), func() (withErrs[[]record], bool) {
			var m withErrs[[]record]
			for _, f := range figs {
				j, err := dataset.FigureJSON(f, s.absReportURL, s.englishQuote)
				m.errs.Append(err)
				m.v = append(m.v, record{j, dataset.FigureCSV(f, s.absReportURL, s.englishQuote)})
			}
			return m, len(m.errs) == 0
		})
		errs = append(errs, made.errs...)
		for i, f := range figs {
			if i < len(made.v) {
				out[f] = made.v[i]
			}
		}
	}
	return out, errs
}

// reportRecord is a report in data/reports.json: what the report pages
// show of it, its addresses, and its citation in each language (a CSL-JSON
// item, from which layouts/static/js/cite.js makes the figures' citations).
type reportRecord struct {
	ID          string `json:"id"`
	TitleZh     string `json:"title_zh"`
	TitleEn     string `json:"title_en"`
	IssuerZh    string `json:"issuer_zh"`
	IssuerEn    string `json:"issuer_en"`
	Region      string `json:"region"`
	Kind        string `json:"kind"`
	Published   string `json:"published"`
	Updated     string `json:"updated"`
	Period      string `json:"period"`
	Number      string `json:"number"`
	SourceZh    string `json:"source_zh"`
	SourceEn    string `json:"source_en"`
	OriginalURL string `json:"original_url"`
	Seed        string `json:"seed"`
	URLZh       string `json:"url_zh"`
	URLEn       string `json:"url_en"`
	CitationZh  *CSL   `json:"citation_zh"`
	CitationEn  *CSL   `json:"citation_en"`
}

func (s *Site) reportRecord(r *dataset.Report) reportRecord {
	return reportRecord{ID: r.ID, TitleZh: r.TitleZh, TitleEn: r.TitleEn, IssuerZh: r.IssuerZh, IssuerEn: r.IssuerEn,
		Region: r.Region, Kind: r.Kind, Published: r.Published.String(), Updated: r.Updated.String(), Period: r.Period.Text,
		Number: r.Number, SourceZh: r.SourceZh, SourceEn: r.SourceEn, OriginalURL: r.URL, Seed: r.Seed,
		URLZh: s.absReportURL("zh", r.ID), URLEn: s.absReportURL("en", r.ID),
		CitationZh: s.reportCitation(r, "zh"), CitationEn: s.reportCitation(r, "en")}
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

// sitemap lists every page in each language with its hreflang twin; the
// search pages, which hold nothing until a reader searches, are left out.
func (s *Site) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range s.pages {
		if p.Lang == "" || p.Layout == "search" {
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

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

// xmlEscaper escapes text for XML (a Replacer is safe for concurrent use).
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

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
		en := t.English(b.ID)
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
