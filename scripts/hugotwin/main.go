// Command hugotwin turns a site root (the real one, or one written by
// synthsite) into its Hugo twin: a multilingual Hugo project (Chinese by
// default, English) with the same reports, the same text and the same
// pages, so that scripts/bench-hugo.sh can time Hugo and reportsite side by
// side on equal work.
//
//	go run ./scripts/hugotwin -root SITE -out TWIN
//	hugo --source TWIN --destination OUT
//
// The twin has, in each language:
//   - one page per report (content/LANG/reports/ID.md) holding its full text
//     as Markdown: the Chinese paragraphs of the parsed seed (errata
//     applied), or the English of data/translations/en/ID.toml, every block
//     under its reportsite id; the report's metadata, its years (covers) and
//     indicators (those of its figures) as taxonomies, and its figures as a
//     table;
//   - a term page per year that reportsite has a page for (the years reports
//     cover or figures end in), with the year overview of content/LANG/years
//     and the year's figures and targets as reportsite's year page shows them
//     (each number once, at most three per indicator and region, at most 100
//     targets), and per indicator of data/indicators.toml, with its
//     definition and its figures, each number once;
//   - the home page (with a link to every report), the indicator list, and
//     about, compare and data pages.
//
// The years list page and the reports section page are not rendered
// (reportsite has neither), nor are Hugo's RSS feeds (reportsite writes one
// Atom feed per language, against Hugo's one per section and term).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"reportsite/internal/seed"
)

func main() {
	root := flag.String("root", ".", "the site root to convert (seeds/ data/ content/ layouts/)")
	out := flag.String("out", "", "the folder to write the Hugo project to (new or empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := twin(*root, *out)
	if err != nil {
		fmt.Fprintf(os.Stderr, "hugotwin: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote the Hugo twin of %d reports to %s\n", n, *out)
}

// The parts of the site root the twin is made from, decoded loosely into
// what the twin shows.
type (
	report struct {
		ID        string    `toml:"id"`
		Seed      string    `toml:"seed"`
		Lines     []int     `toml:"lines"`
		TitleZh   string    `toml:"title_zh"`
		TitleEn   string    `toml:"title_en"`
		IssuerZh  string    `toml:"issuer_zh"`
		IssuerEn  string    `toml:"issuer_en"`
		Region    string    `toml:"region"`
		Published string    `toml:"issued"`
		Period    string    `toml:"period"`
		Covers    []int     `toml:"covers"`
		SummaryZh string    `toml:"summary_zh"`
		SummaryEn string    `toml:"summary_en"`
		Erratum   []erratum `toml:"erratum"`
	}
	erratum struct {
		Line      int    `toml:"line"`
		Original  string `toml:"original"`
		Corrected string `toml:"corrected"`
	}
	figure struct {
		ID         string  `toml:"id"`
		Indicator  string  `toml:"indicator"`
		Region     string  `toml:"region"`
		Period     string  `toml:"period"`
		Kind       string  `toml:"kind"`
		Value      float64 `toml:"value"`
		Unit       string  `toml:"unit"`
		Qualifier  string  `toml:"qualifier"`
		Cumulative bool    `toml:"cumulative"`
		Report     string  `toml:"report"`
		Quote      string  `toml:"quote"`
	}
	indicator struct {
		ID           string `toml:"id"`
		NameZh       string `toml:"name_zh"`
		NameEn       string `toml:"name_en"`
		Unit         string `toml:"unit"`
		DefinitionZh string `toml:"definition_zh"`
		DefinitionEn string `toml:"definition_en"`
	}
	siteConfig struct {
		TitleZh       string `toml:"title_zh"`
		TitleEn       string `toml:"title_en"`
		DescriptionZh string `toml:"description_zh"`
		DescriptionEn string `toml:"description_en"`
		LicenseZh     string `toml:"license_zh"`
		LicenseEn     string `toml:"license_en"`
	}
)

var langs = []string{"zh", "en"}

// pick returns zh or en as lang says.
func pick(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

// twin writes the Hugo twin of the site root at root to out, and returns
// the number of reports.
func twin(root, out string) (int, error) {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("%s is not empty; give a new or empty folder", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	src := os.DirFS(root)
	var cfg siteConfig
	if err := decode(src, "data/site.toml", &cfg); err != nil {
		return 0, err
	}
	var reports struct {
		Report []*report `toml:"report"`
	}
	if err := decode(src, "data/reports.toml", &reports); err != nil {
		return 0, err
	}
	var indicators struct {
		Indicator []*indicator `toml:"indicator"`
	}
	if err := decode(src, "data/indicators.toml", &indicators); err != nil {
		return 0, err
	}
	figures, err := readFigures(src)
	if err != nil {
		return 0, err
	}
	w := &writer{root: out}
	w.project(cfg)
	if err := w.static(src); err != nil {
		return 0, err
	}
	indicatorByID := map[string]*indicator{}
	for _, ind := range indicators.Indicator {
		indicatorByID[ind.ID] = ind
	}
	byReport := map[string][]*figure{}
	for _, f := range figures {
		byReport[f.Report] = append(byReport[f.Report], f)
	}
	seeds := map[string][]byte{}
	for i, r := range reports.Report {
		text, ok := seeds[r.Seed]
		if !ok {
			if text, err = fs.ReadFile(src, "seeds/"+r.Seed); err != nil {
				return 0, err
			}
			seeds[r.Seed] = text
		}
		if err := w.report(src, i, r, text, byReport[r.ID], indicatorByID); err != nil {
			return 0, err
		}
	}
	if err := w.years(src, reports.Report, figures, indicatorByID); err != nil {
		return 0, err
	}
	for _, lang := range langs {
		w.page("content/"+lang+"/reports/_index.md", struct {
			Title string            `toml:"title"`
			Build map[string]string `toml:"_build"`
		}{pick(lang, "报告", "Reports"), map[string]string{"render": "never"}}, "")
	}
	w.indicators(indicators.Indicator, figures)
	if err := w.pages(src); err != nil {
		return 0, err
	}
	return len(reports.Report), w.err
}

func decode(src fs.FS, name string, v any) error {
	b, err := fs.ReadFile(src, name)
	if err != nil {
		return err
	}
	if _, err := toml.Decode(string(b), v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func readFigures(src fs.FS) ([]*figure, error) {
	names, err := fs.Glob(src, "data/figures/*.toml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var all []*figure
	for _, name := range names {
		var f struct {
			Figure []*figure `toml:"figure"`
		}
		if err := decode(src, name, &f); err != nil {
			return nil, err
		}
		all = append(all, f.Figure...)
	}
	return all, nil
}

// writer writes the files of the twin, keeping the first error.
type writer struct {
	root string
	err  error
}

func (w *writer) write(name string, data []byte) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(p, data, 0o644)
}

// page writes a content file: TOML front matter, then a Markdown body.
func (w *writer) page(name string, front any, body string) {
	var b bytes.Buffer
	b.WriteString("+++\n")
	if err := toml.NewEncoder(&b).Encode(front); err != nil && w.err == nil {
		w.err = fmt.Errorf("%s: %w", name, err)
	}
	b.WriteString("+++\n\n")
	b.WriteString(body)
	w.write(name, b.Bytes())
}

// static copies layouts/static/ to the twin's static/assets/, as reportsite
// copies it to /assets/.
func (w *writer) static(src fs.FS) error {
	sub, err := fs.Sub(src, "layouts/static")
	if err != nil {
		return err
	}
	return fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		w.write("static/assets/"+p, b)
		return err
	})
}

// row is a figure as the twin's tables show it.
type row struct {
	Indicator string `toml:"indicator"`
	Name      string `toml:"name"`
	Region    string `toml:"region"`
	Period    string `toml:"period"`
	Kind      string `toml:"kind"`
	Value     string `toml:"value"`
	Report    string `toml:"report"`
	Quote     string `toml:"quote"`
}

func figureRow(f *figure, lang string, indicators map[string]*indicator) row {
	name := f.Indicator
	if ind := indicators[f.Indicator]; ind != nil {
		name = pick(lang, ind.NameZh, ind.NameEn)
	}
	v := strconv.FormatFloat(f.Value, 'f', -1, 64) + " " + f.Unit
	if f.Qualifier != "" {
		v += " (" + f.Qualifier + ")"
	}
	return row{Indicator: f.Indicator, Name: name, Region: f.Region, Period: f.Period, Kind: f.Kind, Value: v, Report: f.Report, Quote: f.Quote}
}

// report writes the pages of one report in both languages.
func (w *writer) report(src fs.FS, i int, r *report, text []byte, figures []*figure, indicators map[string]*indicator) error {
	first, last := 1, 0
	if len(r.Lines) == 2 {
		first, last = r.Lines[0], r.Lines[1]
	}
	doc, err := seed.Parse("seeds/"+r.Seed, text, first, last)
	if err != nil {
		return err
	}
	for k, e := range r.Erratum {
		if _, err := doc.Correct(e.Line, e.Original, e.Corrected, k+1); err != nil {
			return fmt.Errorf("report %s: %w", r.ID, err)
		}
	}
	en, err := translation(src, r.ID)
	if err != nil {
		return err
	}
	var years, inds []string
	for _, y := range r.Covers {
		years = append(years, strconv.Itoa(y))
	}
	for _, f := range figures {
		if !slices.Contains(inds, f.Indicator) {
			inds = append(inds, f.Indicator)
		}
	}
	for _, lang := range langs {
		type front struct {
			Title       string   `toml:"title"`
			Description string   `toml:"description"`
			Weight      int      `toml:"weight"`
			Issuer      string   `toml:"issuer"`
			Region      string   `toml:"region"`
			Period      string   `toml:"period"`
			Published   string   `toml:"issued"`
			Seed        string   `toml:"seed"`
			Years       []string `toml:"years"`
			Indicators  []string `toml:"indicators"`
			Figures     []row    `toml:"figures"`
		}
		fm := front{
			Title: pick(lang, r.TitleZh, r.TitleEn), Description: pick(lang, r.SummaryZh, r.SummaryEn),
			Weight: i + 1, Issuer: pick(lang, r.IssuerZh, r.IssuerEn), Region: r.Region,
			Period: r.Period, Published: r.Published, Seed: r.Seed, Years: years, Indicators: inds,
		}
		for _, f := range figures {
			fm.Figures = append(fm.Figures, figureRow(f, lang, indicators))
		}
		var body strings.Builder
		for _, u := range units(doc) {
			t := u.zh
			if lang == "en" {
				if e, ok := en[u.id]; ok {
					t = e
				}
			}
			body.WriteString(u.markdown(t))
		}
		w.page("content/"+lang+"/reports/"+r.ID+".md", fm, body.String())
	}
	return nil
}

// translation reads the English of a report, by block id.
func translation(src fs.FS, id string) (map[string]string, error) {
	var t struct {
		Block []struct {
			ID string `toml:"id"`
			En string `toml:"en"`
		} `toml:"block"`
	}
	name := "data/translations/en/" + id + ".toml"
	if _, err := fs.Stat(src, name); errors.Is(err, fs.ErrNotExist) {
		return nil, nil // untranslated: the English page shows the Chinese
	}
	if err := decode(src, name, &t); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(t.Block))
	for _, b := range t.Block {
		out[b.ID] = b.En
	}
	return out, nil
}

// unit is one block of a report's running text, as reportsite shows and
// translates it: a run-in heading is a heading of its own.
type unit struct {
	id    string
	kind  seed.Kind
	level int
	zh    string
}

func units(d *seed.Document) []unit {
	var out []unit
	for _, b := range d.Body() {
		switch {
		case b.Kind == seed.Paragraph && b.Lead != "":
			out = append(out, unit{b.HeadingID(), seed.Heading, b.Level, b.Lead})
			if b.Text != "" {
				out = append(out, unit{b.ID, seed.Paragraph, 0, b.Text})
			}
		case b.ID != "":
			out = append(out, unit{b.ID, b.Kind, b.Level, b.Text})
		}
	}
	return out
}

// markdown writes the unit with text t as a Markdown block with its id.
func (u unit) markdown(t string) string {
	t = escape(t)
	switch u.kind {
	case seed.Heading:
		return strings.Repeat("#", min(max(u.level, 1)+1, 6)) + " " + t + " {#" + u.id + "}\n\n"
	case seed.Highlight:
		return t + "\n{#" + u.id + " .highlight}\n\n"
	case seed.Caption:
		return t + "\n{#" + u.id + " .caption}\n\n"
	case seed.Meta:
		return t + "\n{#" + u.id + " .meta}\n\n"
	}
	return t + "\n{#" + u.id + "}\n\n"
}

// escape makes text a literal Markdown paragraph on one line: every ASCII
// punctuation character is backslash-escaped (CommonMark allows it for
// all of them), so nothing in the text is read as markup.
func escape(t string) string {
	var b strings.Builder
	b.Grow(len(t) + 16)
	for _, r := range t {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yearSpan returns the first and last year of a figure's period
// (YYYY, YYYY-MM..YYYY-MM or YYYY..YYYY).
func yearSpan(period string) (int, int, bool) {
	from, to, ok := strings.Cut(period, "..")
	if !ok {
		to = from
	}
	a, err1 := strconv.Atoi(first4(from))
	b, err2 := strconv.Atoi(first4(to))
	return a, b, err1 == nil && err2 == nil
}

func first4(s string) string {
	if len(s) < 4 {
		return s
	}
	return s[:4]
}

// years writes a term page per year that reportsite has a page for: the
// years reports cover and figures end in. Each has the year overview and,
// as reportsite's year page, the figures whose period ends in the year
// (targets excluded), each number once and at most three per indicator and
// region, and the targets whose deadline it is, each once, at most 100.
func (w *writer) years(src fs.FS, reports []*report, figures []*figure, indicators map[string]*indicator) error {
	set := map[int]bool{}
	for _, r := range reports {
		for _, y := range r.Covers {
			set[y] = true
		}
	}
	for _, f := range figures {
		if _, to, ok := yearSpan(f.Period); ok {
			set[to] = true
		}
	}
	for _, lang := range langs {
		w.page("content/"+lang+"/years/_index.md", struct {
			Title string            `toml:"title"`
			Build map[string]string `toml:"_build"`
		}{pick(lang, "年份", "Years"), map[string]string{"render": "never"}}, "")
		for _, y := range slices.Sorted(maps.Keys(set)) {
			var rows, targets []row
			cell := map[string][]*figure{} // by indicator and region
			var cells []string
			for _, f := range distinct(figures) {
				_, to, ok := yearSpan(f.Period)
				switch {
				case !ok || to != y:
				case f.Kind == "target":
					if len(targets) < 100 {
						targets = append(targets, figureRow(f, lang, indicators))
					}
				default:
					k := f.Indicator + "|" + f.Region
					if cell[k] == nil {
						cells = append(cells, k)
					}
					cell[k] = append(cell[k], f)
				}
			}
			for _, k := range cells {
				for _, f := range cell[k][max(0, len(cell[k])-3):] {
					rows = append(rows, figureRow(f, lang, indicators))
				}
			}
			title := pick(lang, strconv.Itoa(y)+"年", strconv.Itoa(y))
			body, err := fs.ReadFile(src, fmt.Sprintf("content/%s/years/%d.md", lang, y))
			if err == nil {
				body = stripFront(body)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			w.page(fmt.Sprintf("content/%s/years/%d/_index.md", lang, y), struct {
				Title   string `toml:"title"`
				Figures []row  `toml:"figures"`
				Targets []row  `toml:"targets"`
			}{title, rows, targets}, string(body))
		}
	}
	return nil
}

// stripFront returns a content file without its +++ front matter.
func stripFront(b []byte) []byte {
	if rest, ok := bytes.CutPrefix(b, []byte("+++\n")); ok {
		if _, body, ok := bytes.Cut(rest, []byte("\n+++\n")); ok {
			return body
		}
	}
	return b
}

// distinct returns the figures that give a number no earlier figure gives
// (the same indicator, region, period, kind, value, unit, qualifier and
// flag), as reportsite shows each number once.
func distinct(figures []*figure) []*figure {
	seen := map[string]bool{}
	var out []*figure
	for _, f := range figures {
		k := fmt.Sprintf("%s|%s|%s|%s|%v|%s|%s|%t", f.Indicator, f.Region, f.Period, f.Kind, f.Value, f.Unit, f.Qualifier, f.Cumulative)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// indicators writes the indicator list and a term page per indicator with
// its figures, each number once, as reportsite's indicator page.
func (w *writer) indicators(list []*indicator, figures []*figure) {
	byInd := map[string][]*figure{}
	for _, f := range distinct(figures) {
		byInd[f.Indicator] = append(byInd[f.Indicator], f)
	}
	idx := map[string]*indicator{}
	for _, ind := range list {
		idx[ind.ID] = ind
	}
	for _, lang := range langs {
		w.page("content/"+lang+"/indicators/_index.md", struct {
			Title string `toml:"title"`
		}{pick(lang, "指标", "Indicators")}, "")
		for _, ind := range list {
			var rows []row
			for _, f := range byInd[ind.ID] {
				rows = append(rows, figureRow(f, lang, idx))
			}
			w.page("content/"+lang+"/indicators/"+ind.ID+"/_index.md", struct {
				Title      string `toml:"title"`
				Unit       string `toml:"unit"`
				Definition string `toml:"definition"`
				Figures    []row  `toml:"figures"`
			}{pick(lang, ind.NameZh, ind.NameEn), ind.Unit, pick(lang, ind.DefinitionZh, ind.DefinitionEn), rows}, "")
		}
	}
}

// pages writes the home, about, compare and data pages. Home and about come
// from the site's content folder (Hugo reads the same front matter).
func (w *writer) pages(src fs.FS) error {
	for _, lang := range langs {
		for from, to := range map[string]string{"index.md": "_index.md", "about.md": "about.md"} {
			b, err := fs.ReadFile(src, "content/"+lang+"/"+from)
			if err != nil {
				return err
			}
			w.write("content/"+lang+"/"+to, b)
		}
		type front struct {
			Title string `toml:"title"`
			Page  string `toml:"page"`
		}
		w.page("content/"+lang+"/compare.md", front{pick(lang, "川渝对比", "Chongqing and Sichuan compared"), "compare"}, "")
		w.page("content/"+lang+"/data.md", front{pick(lang, "数据", "Data"), "data"}, "")
	}
	return nil
}

// project writes the configuration, the interface strings and the layouts.
func (w *writer) project(cfg siteConfig) {
	var b strings.Builder
	fmt.Fprintf(&b, `baseURL = "/"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS"]
enableRobotsTXT = true

[taxonomies]
  year = "years"
  indicator = "indicators"

[markup.goldmark.parser.attribute]
  block = true
  title = true
[markup.goldmark.extensions]
  typographer = false
  linkify = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 6
  ordered = true

[languages.zh]
  languageName = "中文"
  languageCode = "zh-Hans"
  weight = 1
  contentDir = "content/zh"
  hasCJKLanguage = true
  title = %q
  [languages.zh.params]
    description = %q
    license = %q
[languages.en]
  languageName = "English"
  languageCode = "en"
  weight = 2
  contentDir = "content/en"
  title = %q
  [languages.en.params]
    description = %q
    license = %q
`, cfg.TitleZh, cfg.DescriptionZh, cfg.LicenseZh, cfg.TitleEn, cfg.DescriptionEn, cfg.LicenseEn)
	w.write("hugo.toml", []byte(b.String()))
	w.write("i18n/zh.toml", []byte(i18nZh))
	w.write("i18n/en.toml", []byte(i18nEn))
	for name, text := range layouts {
		w.write("layouts/"+name, []byte(text))
	}
}
