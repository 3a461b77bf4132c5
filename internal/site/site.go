// Package site is the stage of the pipeline that turns the inputs — seeds,
// data, content and layouts, all read from one fs.FS — into the finished
// site: the page tree with its URLs in both languages, rendered through the
// layouts, plus the data exports and static assets. Build is the one
// function behind both `reportsite build` and `reportsite serve`, so what an
// editor previews is what ships.
package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/render"
)

// Options change how a site is built.
type Options struct {
	// BaseURL overrides base_url of data/site.toml.
	BaseURL string
	// LiveReload adds the reload script that `serve` uses to every page.
	LiveReload bool
}

// Sink receives the files of a site as they are rendered, by path below
// the output root. Render calls it from several goroutines at once, and may
// reuse data once Write returns.
type Sink interface {
	Write(path string, data []byte) error
}

// Stats counts what a build produced.
type Stats struct {
	Pages, Charts, Figures, Files int
}

// Summary is the one line build prints.
func (st Stats) Summary() string {
	return fmt.Sprintf("%d pages, %d charts, %d figures, %d files", st.Pages, st.Charts, st.Figures, st.Files)
}

// Output is a site built in memory: every file by its path below the
// output root. It is the Sink of serve and of the tests.
type Output struct {
	Stats
	Files map[string][]byte
	mu    sync.Mutex
}

// Write stores a copy of a file (the caller may reuse data).
func (o *Output) Write(p string, data []byte) error {
	data = bytes.Clone(data)
	o.mu.Lock()
	o.Files[p] = data
	o.mu.Unlock()
	return nil
}

// Site is everything a page may show.
type Site struct {
	*Config
	Base         string // base URL, ending in /
	Strings      i18n.Strings
	Data         *dataset.Dataset
	Translations map[string]*i18n.Translation // by report id (English)
	Glossary     []Term
	Content      map[string]*content.Page
	Years        []int
	Comparisons  []*Comparison
	Charts       map[string]*Chart

	pages     []*Page
	sorted    map[*dataset.Indicator][]*dataset.Figure // each indicator's figures in table order
	templates *render.Templates
	missingMu sync.Mutex
	missing   map[string]bool // interface strings asked for but not defined
	liveLoad  bool
}

// Load reads and checks every input. It returns the site (nil if the inputs
// could not be read at all) and every problem found, warnings included.
func Load(fsys fs.FS, opt Options) (*Site, diag.List) {
	var errs diag.List
	cfg, _, e := loadConfig(fsys)
	errs = append(errs, e...)
	if cfg == nil {
		return nil, errs
	}
	s := &Site{Config: cfg, missing: map[string]bool{}, liveLoad: opt.LiveReload, Translations: map[string]*i18n.Translation{}, Charts: map[string]*Chart{}}
	base := cfg.BaseURL
	if opt.BaseURL != "" {
		base = opt.BaseURL
	}
	var err error
	if s.Base, err = NormalizeBase(base); err != nil && opt.BaseURL != "" {
		errs.Add(diag.Pos{File: "-base-url"}, `use a path such as /REPO/ or a URL such as https://OWNER.github.io/REPO/`, "%v", err)
	}
	// The dataset (seeds, figures) and the rest (strings, translations,
	// glossary, pages, layouts) do not depend on each other: read them at
	// the same time, then check the translations against the reports.
	var rest diag.List
	var raw map[string]*i18n.Translation
	done := make(chan struct{})
	go func() {
		defer close(done)
		var e diag.List
		s.Strings, e = i18n.LoadStrings(fsys, cfg.Languages)
		rest = append(rest, e...)
		raw, e = loadTranslations(fsys)
		rest = append(rest, e...)
		s.Glossary, e = loadGlossary(fsys)
		rest = append(rest, e...)
		s.Content, e = content.Load(fsys, cfg.Languages)
		rest = append(rest, e...)
		s.templates, e = render.Load(fsys)
		rest = append(rest, e...)
	}()
	s.Data, e = dataset.Load(fsys)
	errs = append(errs, e...)
	<-done
	errs = append(errs, rest...)
	for _, r := range s.Data.Reports {
		t := raw[r.ID]
		if t == nil {
			errs.Warn(diag.Pos{File: i18n.TranslationPath("en", r.ID)}, "run `reportsite translate -report "+r.ID+"` to start one", "report %s has no English translation", r.ID)
			continue
		}
		if r.Doc != nil {
			errs = append(errs, t.Check(i18n.Units(r.Doc))...)
			errs = append(errs, s.checkTranslatedFigures(r, t)...)
		}
		t.Checked()
		s.Translations[r.ID] = t
	}
	for id := range raw {
		if s.Data.Report(id) == nil {
			errs.Add(diag.Pos{File: i18n.TranslationPath("en", id)}, "translations are named after a report id in "+dataset.ReportsPath, "translation of an unknown report %q", id)
		}
	}
	for _, lang := range cfg.Languages {
		if _, err := fs.Stat(fsys, path.Join("content", lang, "about.md")); err != nil {
			errs.Add(diag.Pos{File: path.Join("content", lang, "about.md")}, "the about page explains sources, method and licence", "missing page")
		}
	}
	errs = append(errs, s.checkConfigRefs()...)
	if len(errs.Errors()) > 0 {
		return s, errs
	}
	s.Years = s.years()
	s.Comparisons = s.compare()
	errs = append(errs, s.buildCharts()...)
	s.pages = s.pageTree()
	return s, errs
}

// Build loads the inputs and renders the whole site in memory. On any error
// it returns no output.
func Build(fsys fs.FS, opt Options) (*Output, diag.List) {
	s, errs := Load(fsys, opt)
	if s == nil || len(errs.Errors()) > 0 {
		return nil, errs
	}
	out := &Output{Files: map[string][]byte{}}
	st, e := s.Render(fsys, out)
	errs = append(errs, e...)
	if len(errs.Errors()) > 0 {
		return nil, errs
	}
	out.Stats = st
	return out, errs
}

// Render writes every page, export and asset to sink. Pages are rendered
// on all cores and handed to the sink as they are done, so that a large
// site is never held in memory whole; each page is a pure function of the
// site, so the output does not depend on the order.
func (s *Site) Render(fsys fs.FS, sink Sink) (Stats, diag.List) {
	var errs diag.List
	st := Stats{Figures: len(s.Data.Figures), Charts: len(s.Charts)}
	var files atomic.Int64
	write := func(p string, b []byte) error {
		files.Add(1)
		return sink.Write(p, b)
	}
	failed := make([]error, len(s.pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer // reused from page to page
			for i := range next {
				p := *s.pages[i] // a copy, so that its data is dropped with it
				if p.data != nil {
					p.Data = p.data()
				}
				buf.Reset()
				err := s.templates.ExecuteTo(&buf, p.Layout, &View{Page: &p, Site: s})
				if err == nil {
					err = write(p.File, buf.Bytes())
				}
				failed[i] = err
			}
		}()
	}
	for i, p := range s.pages {
		next <- i
		if strings.HasSuffix(p.File, ".html") {
			st.Pages++
		}
	}
	close(next)
	wg.Wait()
	for _, err := range failed {
		errs.Append(err)
	}
	for _, key := range sortedKeys(s.missing) {
		lang, k, _ := strings.Cut(key, ":")
		errs.Add(diag.Pos{File: i18n.StringsPath(lang)}, "add it to both data/i18n/zh.toml and data/i18n/en.toml", "missing interface string %q used by the layouts", k)
	}
	static, err := render.Static(fsys)
	if err != nil {
		errs.Append(err)
	}
	for _, p := range sortedKeys(static) {
		errs.Append(write("assets/"+p, static[p]))
	}
	exports := s.exports()
	for _, p := range sortedKeys(exports) {
		errs.Append(write(p, exports[p]))
	}
	errs.Append(write(".nojekyll", []byte{}))
	errs.Append(write("robots.txt", s.robots()))
	errs.Append(write("sitemap.xml", s.sitemap()))
	st.Files = int(files.Load())
	return st, errs
}

// loadTranslations reads every file of data/translations/en/, by report id.
func loadTranslations(fsys fs.FS) (map[string]*i18n.Translation, diag.List) {
	names, _ := fs.Glob(fsys, path.Join("data/translations/en", "*.toml"))
	sort.Strings(names)
	loaded := make([]*i18n.Translation, len(names))
	problems := make([]diag.List, len(names))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() { // the files are independent: decode them on every core
			defer func() { <-sem; wg.Done() }()
			loaded[i], problems[i] = i18n.LoadTranslation(fsys, "en", strings.TrimSuffix(path.Base(name), ".toml"))
		}()
	}
	wg.Wait()
	var errs diag.List
	out := map[string]*i18n.Translation{}
	for i, t := range loaded {
		errs = append(errs, problems[i]...)
		if t != nil {
			out[t.Report] = t
		}
	}
	return out, errs
}

// ReportURL is the address of a report page.
func (s *Site) ReportURL(lang, id string) string { return s.Base + lang + "/reports/" + id + "/" }

func (s *Site) checkConfigRefs() diag.List {
	var errs diag.List
	for _, id := range s.Headline {
		if !s.hasFigure(id) {
			errs.Add(diag.Pos{File: ConfigPath}, "headline lists figure ids from data/figures/", "headline figure %q does not exist", id)
		}
	}
	for _, id := range s.Featured {
		if s.Data.Indicator(id) == nil {
			errs.Add(diag.Pos{File: ConfigPath}, "featured lists indicator ids from data/indicators.toml", "featured indicator %q does not exist", id)
		}
	}
	return errs
}

func (s *Site) hasFigure(id string) bool { return s.figure(id) != nil }

func (s *Site) figure(id string) *dataset.Figure {
	for _, f := range s.Data.Figures {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// years lists every year a report covers or a figure ends in. (A figure
// for several years is also listed on the pages of the years before its
// last, when they have a page.)
func (s *Site) years() []int {
	set := map[int]bool{}
	for _, r := range s.Data.Reports {
		for _, y := range r.Covers {
			set[y] = true
		}
	}
	for _, f := range s.Data.Figures {
		set[f.Period.To.Year()] = true
	}
	var ys []int
	for y := range set {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
