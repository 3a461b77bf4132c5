package dataset

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"reportsite/internal/diag"
	"reportsite/internal/seed"
	"reportsite/internal/tomlx"
)

// ReportsPath is the file that describes the reports.
const ReportsPath = "data/reports.toml"

// SeedsDir holds the reports' texts.
const SeedsDir = "seeds"

// Report is one report: its metadata from data/reports.toml and its text,
// parsed from its seed with the errata applied.
type Report struct {
	tomlx.Table
	ID           string       `toml:"id"`
	Seed         string       `toml:"seed"`
	Lines        []int        `toml:"lines"`
	TitleZh      string       `toml:"title_zh"`
	TitleEn      string       `toml:"title_en"`
	IssuerZh     string       `toml:"issuer_zh"`
	IssuerEn     string       `toml:"issuer_en"`
	SpeakerZh    string       `toml:"speaker_zh"`
	SpeakerEn    string       `toml:"speaker_en"`
	Region       string       `toml:"region"`
	Kind         string       `toml:"kind"`
	PublishedRaw string       `toml:"published"`
	DeliveredRaw string       `toml:"delivered"`
	PeriodRaw    string       `toml:"period"`
	Covers       []int        `toml:"covers"`
	Script       string       `toml:"script"`
	Number       string       `toml:"number"`
	SourceZh     string       `toml:"source_zh"`
	SourceEn     string       `toml:"source_en"`
	SummaryZh    string       `toml:"summary_zh"`
	SummaryEn    string       `toml:"summary_en"`
	URL          string       `toml:"url"`     // the original publication's address, where known
	UpdatedRaw   string       `toml:"updated"` // the day of the pages' last change that readers should hear of
	Alternate    []*Alternate `toml:"alternate"`
	Erratum      []*Erratum   `toml:"erratum"`

	Published Date           `toml:"-"`
	Delivered Date           `toml:"-"` // zero when not given
	Updated   Date           `toml:"-"` // zero when not given
	Period    Period         `toml:"-"`
	Doc       *seed.Document `toml:"-"`
}

// Alternate is another copy of a report's text.
type Alternate struct {
	tomlx.Table
	Seed   string         `toml:"seed"`
	NoteZh string         `toml:"note_zh"`
	NoteEn string         `toml:"note_en"`
	Doc    *seed.Document `toml:"-"`
}

// Erratum corrects a misprint in a seed, on the page and in every figure,
// without touching the seed. It says where (the seed line), what was printed
// and what is right, why, and which copy the correction was checked against.
type Erratum struct {
	tomlx.Table
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

// validID reports whether id is kebab-case: words of lower-case letters
// and digits joined by single hyphens (cq-2020-ind-va-growth). It is
// written out rather than a regular expression because every figure's id
// goes through it.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// ReportKinds are the kinds of report the site knows how to label.
var ReportKinds = []string{"review", "work-report", "plan", "congress-report"}

// reports reads data/reports.toml and each report's seed. A report with any
// error is left out, and recorded so that what refers to it is reported as
// following from its error.
func (l *loader) reports() []*Report {
	var raw struct {
		Report []*Report `toml:"report"`
	}
	top, errs := tomlx.Decode(l.fsys, ReportsPath, &raw)
	l.errs = append(l.errs, errs...)
	if top == nil {
		l.d.fileFailed["report"] = errs.First()
		return nil
	}
	// The metadata first, in order; then the texts, which are independent
	// and most of the work, on every core; then the results, in order.
	checks := make([]diag.List, len(raw.Report))
	seen := map[string]*Report{}
	for i, r := range raw.Report {
		l.seedsUsed[r.Seed] = true
		for _, a := range r.Alternate {
			l.seedsUsed[a.Seed] = true
		}
		if r.Err() != nil {
			continue
		}
		l.checkReport(r, &checks[i])
		if first, dup := seen[r.ID]; dup {
			checks[i].Add(r.At("id"), "the first is at "+first.At("id").String(), "report id %q is used twice", r.ID)
		} else {
			seen[r.ID] = r
		}
	}
	texts := make([]*searchableText, len(raw.Report))
	diag.Each(len(raw.Report), "loading the data", func(i int) {
		if r := raw.Report[i]; r.Err() == nil && len(checks[i]) == 0 {
			texts[i] = l.readText(r, &checks[i])
		}
	}, func(i int, e *diag.Error) { checks[i] = append(checks[i], e) })
	var out []*Report
	for i, r := range raw.Report {
		if err := r.Err(); err != nil {
			l.drop("report", r.ID, err)
			continue
		}
		l.errs = append(l.errs, checks[i]...)
		if len(checks[i]) > 0 {
			if seen[r.ID] == r {
				l.drop("report", r.ID, checks[i][0])
			}
			continue
		}
		l.texts[r] = texts[i]
		out = append(out, r)
	}
	return out
}

// checkReport checks the metadata of a report.
func (l *loader) checkReport(r *Report, errs *diag.List) {
	if !validID(r.ID) {
		errs.Add(r.At("id"), "use lower-case letters, digits and hyphens, e.g. 2020-chongqing-review", "report id %q is not kebab-case", r.ID)
	}
	for _, f := range []struct{ key, v string }{
		{"title_zh", r.TitleZh}, {"title_en", r.TitleEn}, {"issuer_zh", r.IssuerZh}, {"issuer_en", r.IssuerEn}, {"summary_zh", r.SummaryZh}, {"summary_en", r.SummaryEn},
	} {
		if strings.TrimSpace(f.v) == "" {
			errs.Add(r.At(f.key), "every report has a title, issuer and summary in both languages", "report %s has no %s", r.ID, f.key)
		}
	}
	if _, ok := RegionByID(r.Region); !ok {
		errs.Add(r.At("region"), "use "+strings.Join(RegionIDs(), ", "), "unknown region %q", r.Region)
	}
	if !slices.Contains(ReportKinds, r.Kind) {
		errs.Add(r.At("kind"), "use "+strings.Join(ReportKinds, ", "), "unknown report kind %q", r.Kind)
	}
	if r.Script != "Hans" && r.Script != "Hant" {
		errs.Add(r.At("script"), `use "Hans" (Simplified) or "Hant" (Traditional)`, "unknown script %q", r.Script)
	}
	var err error
	if r.Published, err = ParseDate(r.PublishedRaw); err != nil {
		errs.Add(r.At("published"), "write the date the report was published: YYYY, YYYY-MM or YYYY-MM-DD, e.g. \"2022-05-17\"", "published: %v", err)
	}
	if r.DeliveredRaw != "" {
		if r.Delivered, err = ParseDate(r.DeliveredRaw); err != nil {
			errs.Add(r.At("delivered"), "write YYYY, YYYY-MM or YYYY-MM-DD, or leave it out", "delivered: %v", err)
		}
	}
	if r.UpdatedRaw != "" {
		if r.Updated, err = ParseDate(r.UpdatedRaw); err != nil || r.Updated.Day == 0 {
			errs.Add(r.At("updated"), `write the day of the change, YYYY-MM-DD, e.g. "2025-06-30", or leave it out`, "updated %q is not a day", r.UpdatedRaw)
		} else if !r.Published.IsZero() && r.Updated.Before(r.Published) {
			errs.Add(r.At("updated"), "updated is the last change to the report's pages, on or after published ("+r.PublishedRaw+")", "updated %s is before the report was published", r.UpdatedRaw)
		}
	}
	if r.URL != "" {
		if u, err := url.Parse(r.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs.Add(r.At("url"), "the address of the original publication, starting with https:// or http://, or leave it out", "url %q is not a web address", r.URL)
		}
	}
	if r.Period, err = ParsePeriod(r.PeriodRaw); err != nil {
		errs.Add(r.At("period"), `the years or months the report looks back on: "2020", "2024-01..2024-08" or "2021..2025"`, "%v", err)
	}
	for _, y := range r.Covers {
		if y < 1949 || y > 2100 {
			errs.Add(r.At("covers"), "list the years the report speaks of, e.g. [2020, 2021]", "covered year %d is not a year", y)
		}
	}
	if len(r.Lines) != 0 && len(r.Lines) != 2 {
		errs.Add(r.At("lines"), "write [first, last], e.g. [50, 102], or leave it out for the whole seed", "lines must be two line numbers")
	}
}

// readText reads and parses the report's seed and its alternate copies,
// applies the errata, and returns the text to find quotes in. It runs
// beside the readText of other reports.
func (l *loader) readText(r *Report, errs *diag.List) *searchableText {
	src, err := l.seed(r.Seed, r.At("seed"))
	if err != nil {
		*errs = append(*errs, err)
		return nil
	}
	first, last := 1, 0
	if len(r.Lines) == 2 {
		first, last = r.Lines[0], r.Lines[1]
		if n := strings.Count(src, "\n") + 1; first < 1 || last > n || first > last {
			errs.Add(r.At("lines"), fmt.Sprintf("write [first, last] with 1 ≤ first ≤ last ≤ %d", n), "lines [%d, %d] are not lines of %s/%s, which has %d lines", first, last, SeedsDir, r.Seed, n)
			return nil
		}
	}
	doc, perr := seed.ParseText(path.Join(SeedsDir, r.Seed), src, first, last)
	if perr != nil {
		errs.Append(perr)
		return nil
	}
	if len(doc.Body()) == 0 {
		errs.Add(r.At("seed"), "a seed holds the report's text, one paragraph a line; check that the file is the right one", "seed %s holds no text", r.Seed)
		return nil
	}
	if doc.Title != "" && doc.Title != r.TitleZh {
		errs.Add(r.At("title_zh"), fmt.Sprintf("the seed's title at %s:%d reads %q", doc.File, doc.TitleLines[0], doc.Title), "title_zh does not match the title in the seed")
	}
	for _, a := range r.Alternate {
		asrc, err := l.seed(a.Seed, a.At("seed"))
		if err != nil {
			*errs = append(*errs, err)
			continue
		}
		if a.Doc, perr = seed.ParseText(path.Join(SeedsDir, a.Seed), asrc, 1, 0); perr != nil {
			errs.Append(perr)
		}
	}
	if len(*errs) > 0 {
		return nil
	}
	r.Doc = doc
	r.applyErrata(errs)
	if len(*errs) > 0 {
		return nil
	}
	return newSearchableText(doc)
}

// seed reads a seed file, once for all the reports that use it; pos is
// where the report names it.
func (l *loader) seed(name string, pos diag.Pos) (string, *diag.Error) {
	l.seedsMu.Lock()
	b, ok := l.seeds[name]
	l.seedsMu.Unlock()
	if ok {
		return b, nil
	}
	p := path.Join(SeedsDir, name)
	if name == "" || strings.ContainsAny(name, `/\`) || !fs.ValidPath(p) {
		return "", &diag.Error{Pos: pos, Msg: fmt.Sprintf("seed %q is not a file name", name), Hint: "name a file in seeds/, such as " + l.seedExample()}
	}
	if _, err := fs.Stat(l.fsys, p); err != nil {
		hint := "seeds/ holds no such file; the files there are " + l.seedExample()
		if near := suggest(name, l.seedFiles()); near != "" {
			hint = "seeds/ holds no such file" + near
		}
		return "", &diag.Error{Pos: pos, Msg: fmt.Sprintf("seed %q not found", p), Hint: hint}
	}
	data, err := diag.ReadInput(l.fsys, p)
	if err != nil {
		return "", err
	}
	b = string(data)
	if strings.TrimSpace(b) == "" {
		return "", &diag.Error{Pos: pos, Msg: fmt.Sprintf("seed %s is empty", p), Hint: "a seed holds the report's text as published; restore it from ../shared/seeds or the original source"}
	}
	l.seedsMu.Lock()
	l.seeds[name] = b
	l.seedsMu.Unlock()
	return b, nil
}

// seedPaths lists the paths of the files in seeds/.
func (l *loader) seedPaths() []string {
	names, _ := fs.Glob(l.fsys, path.Join(SeedsDir, "*"))
	return names
}

// seedFiles lists the files in seeds/.
func (l *loader) seedFiles() []string {
	names, _ := fs.Glob(l.fsys, path.Join(SeedsDir, "*"))
	for i, n := range names {
		names[i] = path.Base(n)
	}
	return names
}

func (l *loader) seedExample() string {
	names := l.seedFiles()
	switch {
	case len(names) == 0:
		return "none: the folder is empty"
	case len(names) > 3:
		return strings.Join(names[:3], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

func (r *Report) applyErrata(errs *diag.List) {
	for k, e := range r.Erratum {
		b, err := r.Doc.Correct(e.Line, e.Original, e.Corrected, k+1)
		if err != nil {
			errs.Add(e.At("original"), "original must be the text as printed, around the given line", "erratum: %v", err)
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
			errs.Add(e.At("source"), "name the alternate copy (a seed listed under [[report.alternate]]) that shows the right reading", "erratum source %q is not an alternate copy of %s", e.Source, r.ID)
			continue
		}
		if ab := alt.BlockAt(e.SourceLine); ab == nil || !strings.Contains(ab.Lead+ab.Text, e.Corrected) {
			errs.Add(e.At("source_line"), "the corrected text must be found in the alternate copy, or the correction is not supported", "erratum: %q is not at %s:%d", e.Corrected, alt.File, e.SourceLine)
		}
		if e.ReasonZh == "" || e.ReasonEn == "" {
			errs.Add(e.At("reason_en"), "say why in both languages", "erratum without a reason")
		}
	}
}

// warnUnusedSeeds reports files in seeds/ that no report names.
func (l *loader) warnUnusedSeeds() {
	for _, name := range l.seedFiles() {
		if !l.seedsUsed[name] && !strings.HasPrefix(name, ".") {
			l.errs.Warn(diag.Pos{File: path.Join(SeedsDir, name)}, "name it as the seed of a report in "+ReportsPath+", or as an alternate copy, or remove it", "no report uses this seed")
		}
	}
}
