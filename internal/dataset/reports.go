package dataset

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"reportsite/internal/diag"
	"reportsite/internal/seed"
	"reportsite/internal/tomlx"
)

// ReportsPath is the file that describes the reports.
const ReportsPath = "data/reports.toml"

// Report is one report: its metadata from data/reports.toml and its text,
// parsed from its seed with the errata applied.
type Report struct {
	ID        string      `toml:"id"`
	Seed      string      `toml:"seed"`
	Lines     []int       `toml:"lines"`
	TitleZh   string      `toml:"title_zh"`
	TitleEn   string      `toml:"title_en"`
	IssuerZh  string      `toml:"issuer_zh"`
	IssuerEn  string      `toml:"issuer_en"`
	SpeakerZh string      `toml:"speaker_zh"`
	SpeakerEn string      `toml:"speaker_en"`
	Region    string      `toml:"region"`
	Kind      string      `toml:"kind"`
	Published string      `toml:"published"`
	Delivered string      `toml:"delivered"`
	PeriodRaw string      `toml:"period"`
	Covers    []int       `toml:"covers"`
	Script    string      `toml:"script"`
	Number    string      `toml:"number"`
	SourceZh  string      `toml:"source_zh"`
	SourceEn  string      `toml:"source_en"`
	SummaryZh string      `toml:"summary_zh"`
	SummaryEn string      `toml:"summary_en"`
	Alternate []Alternate `toml:"alternate"`
	Erratum   []*Erratum  `toml:"erratum"`

	Period Period          `toml:"-"`
	Doc    *seed.Document  `toml:"-"`
	Pos    diag.Pos        `toml:"-"` // the [[report]] header
	index  int             // position in reports.toml
	file   *tomlx.File     // for positions of its keys
	text   *searchableText // the body text, for finding quotes
}

// Alternate is another copy of a report's text.
type Alternate struct {
	Seed   string         `toml:"seed"`
	NoteZh string         `toml:"note_zh"`
	NoteEn string         `toml:"note_en"`
	Doc    *seed.Document `toml:"-"`
}

// Erratum corrects a misprint in a seed, on the page and in every figure,
// without touching the seed. It says where (the seed line), what was printed
// and what is right, why, and which copy the correction was checked against.
type Erratum struct {
	Line       int    `toml:"line"`
	Original   string `toml:"original"`
	Corrected  string `toml:"corrected"`
	ReasonZh   string `toml:"reason_zh"`
	ReasonEn   string `toml:"reason_en"`
	Source     string `toml:"source"`
	SourceLine int    `toml:"source_line"`

	Block string `toml:"-"` // the id of the corrected block
}

// Title returns the report's title in lang.
func (r *Report) Title(lang string) string { return pick(lang, r.TitleZh, r.TitleEn) }

// Issuer returns the issuing body in lang.
func (r *Report) Issuer(lang string) string { return pick(lang, r.IssuerZh, r.IssuerEn) }

// Summary returns the one-sentence summary in lang.
func (r *Report) Summary(lang string) string { return pick(lang, r.SummaryZh, r.SummaryEn) }

func pick(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

var (
	reID   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	reDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// ReportKinds are the kinds of report the site knows how to label.
var ReportKinds = []string{"review", "work-report", "plan", "congress-report"}

func loadReports(fsys fs.FS) ([]*Report, diag.List) {
	var raw struct {
		Report []*Report `toml:"report"`
	}
	f, errs := tomlx.Decode(fsys, ReportsPath, &raw)
	if f == nil {
		return nil, errs
	}
	seen := map[string]int{}
	seeds := map[string][]byte{}
	readSeed := func(name string, pos diag.Pos) []byte {
		if b, ok := seeds[name]; ok {
			return b
		}
		b, err := fs.ReadFile(fsys, path.Join("seeds", name))
		if err != nil {
			errs.Add(pos, "seed files live in seeds/ and are named as in ../shared/seeds", "seed %q not found", name)
		}
		seeds[name] = b
		return b
	}
	var out []*Report
	for i, r := range raw.Report {
		r.index, r.file, r.Pos = i, f, f.Table("report", i)
		at := func(key string) diag.Pos { return f.Pos("report", i, key) }
		if !reID.MatchString(r.ID) {
			errs.Add(at("id"), "use lower-case letters, digits and hyphens, e.g. 2020-chongqing-review", "report id %q is not kebab-case", r.ID)
		}
		if j, dup := seen[r.ID]; dup {
			errs.Add(at("id"), fmt.Sprintf("the first is at line %d", f.Table("report", j).Line), "report id %q is used twice", r.ID)
		}
		seen[r.ID] = i
		for key, v := range map[string]string{"title_zh": r.TitleZh, "title_en": r.TitleEn, "issuer_zh": r.IssuerZh, "issuer_en": r.IssuerEn, "summary_zh": r.SummaryZh, "summary_en": r.SummaryEn} {
			if strings.TrimSpace(v) == "" {
				errs.Add(at(key), "every report has a title, issuer and summary in both languages", "report %s has no %s", r.ID, key)
			}
		}
		if _, ok := RegionByID(r.Region); !ok {
			errs.Add(at("region"), "use "+strings.Join(RegionIDs(), ", "), "unknown region %q", r.Region)
		}
		if !slices.Contains(ReportKinds, r.Kind) {
			errs.Add(at("kind"), "use "+strings.Join(ReportKinds, ", "), "unknown report kind %q", r.Kind)
		}
		if r.Script != "Hans" && r.Script != "Hant" {
			errs.Add(at("script"), `use "Hans" (Simplified) or "Hant" (Traditional)`, "unknown script %q", r.Script)
		}
		for key, v := range map[string]string{"published": r.Published, "delivered": r.Delivered} {
			if v != "" && !reDate.MatchString(v) {
				errs.Add(at(key), "write YYYY, YYYY-MM or YYYY-MM-DD", "%s date %q is not a date", key, v)
			}
		}
		p, err := ParsePeriod(r.PeriodRaw)
		if err != nil {
			errs.Add(at("period"), "", "%v", err)
		}
		r.Period = p
		for _, y := range r.Covers {
			if y < 1949 || y > 2100 {
				errs.Add(at("covers"), "list the years the report speaks of, e.g. [2020, 2021]", "covered year %d is not a year", y)
			}
		}
		first, last := 1, 0
		switch len(r.Lines) {
		case 0:
		case 2:
			first, last = r.Lines[0], r.Lines[1]
		default:
			errs.Add(at("lines"), "write [first, last], e.g. [50, 102]", "lines must be two line numbers")
		}
		src := readSeed(r.Seed, at("seed"))
		if src == nil {
			continue
		}
		doc, err := seed.Parse(path.Join("seeds", r.Seed), src, first, last)
		if err != nil {
			errs.Append(atIfFileless(err, at("lines")))
			continue
		}
		r.Doc = doc
		if doc.Title != "" && doc.Title != r.TitleZh {
			errs.Add(at("title_zh"), fmt.Sprintf("the seed's title at %s:%d reads %q", doc.File, doc.TitleLines[0], doc.Title), "title_zh does not match the title in the seed")
		}
		for k := range r.Alternate {
			a := &r.Alternate[k]
			if src := readSeed(a.Seed, f.Pos("report.alternate", k, "seed")); src != nil {
				a.Doc, err = seed.Parse(path.Join("seeds", a.Seed), src, 1, 0)
				errs.Append(err)
			}
		}
		errs = append(errs, r.applyErrata()...)
		r.text = newSearchableText(doc)
		out = append(out, r)
	}
	return out, errs
}

func (r *Report) applyErrata() diag.List {
	var errs diag.List
	for k, e := range r.Erratum {
		at := func(key string) diag.Pos { return r.file.Pos("report.erratum", k, key) }
		b, err := r.Doc.Correct(e.Line, e.Original, e.Corrected, k+1)
		if err != nil {
			errs.Add(at("original"), "original must be the text as printed, around the given line", "erratum: %v", err)
			continue
		}
		e.Block = b.ID
		var alt *seed.Document
		for _, a := range r.Alternate {
			if a.Seed == e.Source {
				alt = a.Doc
			}
		}
		if alt == nil {
			errs.Add(at("source"), "name the alternate copy (a seed listed under [[report.alternate]]) that shows the right reading", "erratum source %q is not an alternate copy of %s", e.Source, r.ID)
			continue
		}
		if ab := alt.BlockAt(e.SourceLine); ab == nil || !strings.Contains(ab.Lead+ab.Text, e.Corrected) {
			errs.Add(at("source_line"), "the corrected text must be found in the alternate copy, or the correction is not supported", "erratum: %q is not at %s:%d", e.Corrected, alt.File, e.SourceLine)
		}
		if e.ReasonZh == "" || e.ReasonEn == "" {
			errs.Add(at("reason_en"), "say why in both languages", "erratum without a reason")
		}
	}
	return errs
}

func atIfFileless(err error, pos diag.Pos) error {
	if d, ok := err.(*diag.Error); ok && d.Pos.Line == 0 {
		d.Msg = d.Pos.File + ": " + d.Msg
		d.Pos = pos
	}
	return err
}
