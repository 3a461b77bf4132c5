package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"reportsite/internal/dataset"
)

// Citations. A report page offers its citation in three forms — plain
// text, BibTeX and CSL-JSON — and every figure row a citation of the figure
// in its report. The forms are made from one CSL-JSON item:
//
//   - plain text on a Chinese page follows GB/T 7714-2015 for an online
//     report ([R/OL]), with the access date left as “[引用日期]” for the
//     reader to fill in; on an English page it is close to the Chicago
//     notes style, ending “Accessed [date].”;
//   - BibTeX is a @techreport with the issuing body as a corporate author
//     (in double braces, so that it is not split into names);
//   - CSL-JSON is the item itself (type report), which Zotero, Mendeley
//     and pandoc read.
//
// The URL is this site's page (or paragraph), where the reader read it; the
// original publication, where its address is known, is named in the note.
// layouts/static/js/cite.js formats the figures' citations in the browser
// from the same items (exported in data/reports.json) by the same rules;
// a browser test checks that both give the same text.

// CSL is a CSL-JSON item: the fields of a report citation.
type CSL struct {
	ID        string       `json:"id"`
	Type      string       `json:"type"`
	Title     string       `json:"title"`
	Author    []CSLName    `json:"author"`
	Publisher string       `json:"publisher,omitempty"`
	Genre     string       `json:"genre,omitempty"`
	Number    string       `json:"number,omitempty"`
	Issued    CSLDate      `json:"issued"`
	URL       string       `json:"URL"`
	Language  string       `json:"language"`
	Note      string       `json:"note,omitempty"`
	date      dataset.Date // Issued, for the text
}

// CSLName is an author: here always an organisation, written whole.
type CSLName struct {
	Literal string `json:"literal"`
}

// CSLDate is a date as CSL-JSON writes it: {"date-parts": [[2022, 5, 17]]}.
type CSLDate struct {
	Parts [][]int `json:"date-parts"`
}

// reportCitation is the citation of a report's page in a language.
func (s *Site) reportCitation(r *dataset.Report, lang string) *CSL {
	c := &CSL{
		ID:       r.ID,
		Type:     "report",
		Title:    r.Title(lang),
		Author:   []CSLName{{Literal: r.Issuer(lang)}},
		Genre:    s.t(lang, "report.kind."+r.Kind),
		Issued:   CSLDate{Parts: [][]int{r.Published.Parts()}},
		URL:      s.ReportURL(lang, r.ID),
		Language: map[string]string{"zh": "zh-CN", "en": "en"}[lang],
		date:     r.Published,
	}
	if src := pick(lang, r.SourceZh, r.SourceEn); src != "" {
		c.Publisher = src
	}
	var note []string
	if lang == "zh" {
		c.Number = r.Number // the number is Chinese: the English edition leaves it out
	} else {
		c.ID += "-en"
		note = append(note, fmt.Sprintf(s.t(lang, "cite.translation"), s.Title(lang)))
	}
	if r.URL != "" {
		note = append(note, fmt.Sprintf(s.t(lang, "cite.original"), r.URL))
	}
	c.Note = strings.Join(note, " ")
	return c
}

// Text is the citation as plain text.
func (c *CSL) Text() string {
	var b strings.Builder
	author := c.Author[0].Literal
	where := c.Publisher
	if where == author {
		where = ""
	}
	if where != "" {
		where += ", "
	}
	if c.Language == "en" {
		fmt.Fprintf(&b, "%s. “%s.” %s. %s%s. %s.", author, c.Title, c.Genre, where, c.date.Label("en"), c.URL)
		if c.Note != "" {
			b.WriteString(" " + c.Note)
		}
		b.WriteString(" Accessed [date].")
		return b.String()
	}
	title := c.Title
	if c.Number != "" {
		title += ": " + c.Number
	}
	fmt.Fprintf(&b, "%s. %s[R/OL]. %s%s[引用日期]. %s.", author, title, where, c.date.String(), c.URL)
	if c.Note != "" {
		b.WriteString(" " + c.Note)
	}
	return b.String()
}

// BibTeX is the citation as a BibTeX entry.
func (c *CSL) BibTeX() string {
	var b strings.Builder
	fmt.Fprintf(&b, "@techreport{%s,\n", c.ID)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %-11s = {%s},\n", k, v)
		}
	}
	author := bibEscape(c.Author[0].Literal)
	field("author", "{"+author+"}")
	field("title", "{"+bibEscape(c.Title)+"}")
	if c.Publisher != "" {
		field("institution", bibEscape(c.Publisher))
	} else {
		field("institution", author)
	}
	field("type", bibEscape(c.Genre))
	field("number", bibEscape(c.Number))
	field("year", fmt.Sprint(c.date.Year))
	if c.date.Month != 0 {
		fmt.Fprintf(&b, "  %-11s = %s,\n", "month", bibMonths[3*c.date.Month-3:3*c.date.Month])
	}
	field("date", c.date.String())
	field("url", c.URL)
	field("note", bibEscape(c.Note))
	field("language", map[string]string{"zh-CN": "chinese", "en": "english"}[c.Language])
	b.WriteString("}")
	return b.String()
}

// bibMonths are BibTeX's month macros, three letters each.
const bibMonths = "janfebmaraprmayjunjulaugsepoctnovdec"

// bibEscape escapes the characters that BibTeX and LaTeX give a meaning.
func bibEscape(s string) string { return bibEscaper.Replace(s) }

var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`,
	"#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

// JSON is the citation as a CSL-JSON array of one item, as reference
// managers import it, on one line (JavaScript's JSON.stringify writes the
// same).
func (c *CSL) JSON() string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)  // shown escaped in the page, and copied as is
	_ = enc.Encode([]*CSL{c}) // plain strings and numbers always encode
	return strings.TrimSuffix(b.String(), "\n")
}

// Cite is the citation of the report on a report page.
func (v *View) Cite() *CSL {
	rp, ok := v.Data.(*ReportPage)
	if !ok {
		return nil
	}
	return rp.Citation
}
