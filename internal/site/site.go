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
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"reportsite/internal/compare"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/memo"
	"reportsite/internal/render"
	"reportsite/internal/targets"
)

// Options change how a site is built.
type Options struct {
	// BaseURL overrides base_url of data/site.toml.
	BaseURL string
	// LiveReload adds the reload script that `serve` uses to every page.
	LiveReload bool
	// Memo, if set, holds what the last build with it made (see package
	// memo): the preview's builds read, check and render again only what
	// depends on a change. The output is the same with it as without.
	Memo *memo.Memo
	// Search says that the build indexes the site with Pagefind (see
	// package search), so that the search pages load its index; without
	// it they say that search is not available.
	Search bool
}

// Sink receives the files of a site as they are rendered, by path below
// the output root. Render calls it from several goroutines at once, and may
// reuse data once Write returns. Stream writes a large file (the data
// exports) piece by piece, by handing write a writer for it.
type Sink interface {
	Write(path string, data []byte) error
	Stream(path string, write func(io.Writer) error) error
}

// Stats counts what a build produced.
type Stats struct {
	Pages, Charts, Figures, Files int
	// Rendered counts the pages rendered; the others were taken from the
	// last build (see Options.Memo).
	Rendered int
}

// Summary is the one line build prints.
func (st Stats) Summary() string {
	pages := fmt.Sprintf("%d pages", st.Pages)
	if st.Rendered < st.Pages {
		pages += fmt.Sprintf(" (%d rendered)", st.Rendered)
	}
	return fmt.Sprintf("%s, %d charts, %d figures, %d files", pages, st.Charts, st.Figures, st.Files)
}

// Output is a site built in memory: every file by its path below the
// output root. It is the Sink of serve and of the tests.
type Output struct {
	Stats
	Files map[string][]byte
	// Parts holds the files kept as a list of parts, joined only when they
	// are read (see File): the data exports of a build with a memo, which
	// are tens of megabytes on a large site and change with every edit of
	// a figure, are made of the records kept from the build before.
	Parts map[string][][]byte
	mu    sync.Mutex
}

// File returns a file of the site, and whether there is one.
func (o *Output) File(p string) ([]byte, bool) {
	if b, ok := o.Files[p]; ok {
		return b, true
	}
	parts, ok := o.Parts[p]
	return bytes.Join(parts, nil), ok
}

// KeepParts stores a file as a list of parts that the caller will not
// change.
func (o *Output) KeepParts(p string, parts [][]byte) error {
	o.mu.Lock()
	if o.Parts == nil {
		o.Parts = map[string][][]byte{}
	}
	o.Parts[p] = parts
	o.mu.Unlock()
	return nil
}

// Write stores a copy of a file (the caller may reuse data).
func (o *Output) Write(p string, data []byte) error {
	data = bytes.Clone(data)
	o.mu.Lock()
	o.Files[p] = data
	o.mu.Unlock()
	return nil
}

// Stream stores what write writes.
func (o *Output) Stream(p string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	o.mu.Lock()
	o.Files[p] = buf.Bytes()
	o.mu.Unlock()
	return nil
}

// Site is everything a page may show. Load makes it, and nothing changes
// it afterwards: rendering reads it from several goroutines at once.
type Site struct {
	*Config
	Base         string // base URL, ending in /
	Strings      i18n.Strings
	Data         *dataset.Dataset
	Translations map[string]*i18n.Translation // by report id (English)
	Glossary     []*Term
	Content      map[string]*content.Page
	Years        []int
	Comparisons  []*compare.Group
	Targets      []*targets.Target
	Charts       map[string]*Chart // by language and id: "en:ind-smart-factories"

	checked         map[*dataset.Report]*translationChecks // each translated report's, with the English sentence of each of its figures
	units           map[string]map[string]i18n.Unit        // the translation units of each translated report, by id
	indicatorCharts map[string]*IndicatorCharts            // by language and indicator id
	compareCharts   map[string][]*Chart                    // by language
	yearTargets     map[int][]*dataset.Figure              // the targets for each year, in table order
	targetOf        map[*dataset.Figure]*targets.Target
	latestYear      int // the latest year with an actual figure (View.LatestYear)

	pages       []*Page
	sorted      map[*dataset.Indicator][]*dataset.Figure // each indicator's figures in table order
	distinct    map[*dataset.Indicator][]*dataset.Figure // the same, each number once
	byYear      map[int][]*dataset.Figure                // the figures of each year (see yearOf), in file order
	joint       []*dataset.Figure                        // see jointFigures
	groups      []IndicatorGroup                         // the indicators by category, for the index
	templates   *render.Templates
	liveLoad    bool
	search      bool
	figureTexts map[*dataset.Figure]*figureText // how pages show each figure (a build)
	shownTexts  sync.Map                        // the same, as pages ask (a preview)
	rowTexts    sync.Map                        // by language: what every table's rows share (View.rowTexts)

	// For a build with a memo: the key of what every page depends on (the
	// settings, the interface strings, the glossary, the layouts), each
	// translation's version, and the key of what a page shows of a figure.
	memo        *memo.Memo
	global      string
	contentKey  string            // the editorial pages' files
	translation map[string]string // by report id
	shown       map[*dataset.Figure]uint64
	baseSum     uint64 // a sum of the base, for the keys of the exports' records
	allShown    string
}

// Load reads and checks every input. It returns every problem found,
// warnings included, and the site, which is ready to render only when the
// list holds no errors (it is nil when the settings could not be read).
func Load(fsys fs.FS, opt Options) (*Site, diag.List) {
	cfg, errs := loadConfig(fsys)
	if cfg == nil {
		return nil, errs
	}
	s := &Site{Config: cfg, liveLoad: opt.LiveReload, search: opt.Search, Translations: map[string]*i18n.Translation{}, Charts: map[string]*Chart{},
		memo: opt.Memo, translation: map[string]string{}, units: map[string]map[string]i18n.Unit{}}
	m := opt.Memo
	base := cfg.BaseURL
	if opt.BaseURL != "" {
		base = opt.BaseURL
	}
	var err error
	if s.Base, err = NormalizeBase(base); err != nil {
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
		defer diag.Recover(&rest, "loading strings, translations, pages and layouts")
		stringFiles, _ := fs.Glob(fsys, "data/i18n/*.toml")
		loaded, _ := memo.Get(m, "strings", m.Files(fsys, stringFiles...), func() (withErrs[i18n.Strings], bool) {
			v, e := i18n.LoadStrings(fsys, cfg.Languages)
			return withErrs[i18n.Strings]{v, e}, true
		})
		s.Strings, rest = loaded.v, append(rest, loaded.errs...)
		var e diag.List
		raw, s.translation, e = loadTranslations(fsys, m)
		rest = append(rest, e...)
		glossary, _ := memo.Get(m, "glossary", m.Files(fsys, GlossaryPath), func() (withErrs[[]*Term], bool) {
			v, e := loadGlossary(fsys)
			return withErrs[[]*Term]{v, e}, true
		})
		s.Glossary, rest = glossary.v, append(rest, glossary.errs...)
		s.contentKey = m.Files(fsys, filesBelow(m, fsys, "content")...)
		pages, _ := memo.Get(m, "content", s.contentKey, func() (withErrs[map[string]*content.Page], bool) {
			v, e := content.Load(fsys, cfg.Languages)
			return withErrs[map[string]*content.Page]{v, e}, true
		})
		s.Content, rest = pages.v, append(rest, pages.errs...)
		templates, _ := memo.Get(m, "layouts", m.Files(fsys, filesBelow(m, fsys, render.Dir)...), func() (withErrs[*render.Templates], bool) {
			v, e := render.Load(fsys)
			return withErrs[*render.Templates]{v, e}, true
		})
		if s.templates, rest = templates.v, append(rest, templates.errs...); s.templates != nil {
			s.templates = s.templates.Fresh()
		}
		// What every page depends on.
		s.global = m.Files(fsys, append(append(stringFiles, ConfigPath, GlossaryPath), filesBelow(m, fsys, render.Dir)...)...) + "|" + s.Base + "|" + fmt.Sprint(opt.LiveReload, opt.Search)
	}()
	var e diag.List
	s.Data, e = dataset.Reload(fsys, m)
	errs = append(errs, e...)
	<-done
	errs = append(errs, rest...)
	if s.Data == nil || rest.Internal() {
		return s, errs
	}
	// While the translations are checked, the figures are arranged for the
	// pages and, for a build, the charts drawn: neither needs the other.
	// (If the checks find errors, what was arranged is not used.)
	var charted diag.List
	arranged := make(chan struct{})
	ready := len(errs.Errors()) == 0
	go func() {
		defer close(arranged)
		defer diag.Recover(&charted, "arranging the figures")
		if !ready {
			return
		}
		s.arrange()
		if m == nil {
			charted = s.buildCharts()
		}
	}()
	gloss := newGlossaryIndex(s.Glossary)
	glossKey := m.Files(fsys, GlossaryPath)
	// Each report's translation is checked on its own, on every core; the
	// results are taken in the order of the reports.
	reports := s.Data.Reports
	checks := make([]translationChecks, len(reports))
	diag.Each(len(reports), "checking the translations", func(i int) {
		r := reports[i]
		t := raw[r.ID]
		if t == nil {
			return
		}
		// The checks of a translation and the English sentence of each
		// figure depend on the report's text, its figures, the translation
		// and the glossary.
		key := s.Data.Version() + "|" + s.translation[r.ID] + "|" + glossKey + "|" + s.stamps(s.Data.FiguresOf(r))
		checks[i], _ = memo.Get(m, "translation checks "+r.ID, key, func() (translationChecks, bool) {
			units := i18n.Units(r.Doc)
			c := translationChecks{units: make(map[string]i18n.Unit, len(units))}
			for _, u := range units {
				c.units[u.ID] = u
			}
			c.errs = append(c.errs, t.Check(units)...)
			c.errs = append(c.errs, s.checkTranslatedFigures(r, t)...)
			c.errs = append(c.errs, s.checkGlossary(gloss, units, t)...)
			c.quotes = s.englishQuotes(r, t, c.units)
			if m != nil {
				figs := s.Data.FiguresOf(r)
				c.sums = make([]uint64, len(figs))
				for k, f := range figs {
					if q, ok := c.quotes[f.ID]; ok {
						c.sums[k] = m.Sum(q)
					}
				}
			}
			return c, !c.errs.Internal()
		})
	}, func(i int, e *diag.Error) { checks[i].errs = append(slices.Clip(checks[i].errs), e) })
	s.checked = make(map[*dataset.Report]*translationChecks, len(reports))
	for i, r := range reports {
		t := raw[r.ID]
		if t == nil {
			if _, failed := raw[r.ID]; !failed {
				errs.Warn(diag.Pos{File: i18n.TranslationPath("en", r.ID)}, "run `reportsite translate -report "+r.ID+"` to start one", "report %s has no English translation", r.ID)
			}
			continue
		}
		errs = append(errs, checks[i].errs...)
		s.units[r.ID] = checks[i].units
		s.checked[r] = &checks[i]
		s.Translations[r.ID] = t
	}
	for _, id := range sortedKeys(raw) {
		if s.Data.Report(id) != nil {
			continue
		}
		p := diag.Pos{File: i18n.TranslationPath("en", id)}
		if why := s.Data.Why("report", id); why != nil {
			errs.Follow(why, p, "", "translation of report %q, which did not load", id)
		} else {
			errs.Add(p, "translations are named after a report id in "+dataset.ReportsPath, "translation of an unknown report %q", id)
		}
	}
	for _, lang := range cfg.Languages {
		if _, err := fs.Stat(fsys, path.Join("content", lang, "about.md")); err != nil {
			errs.Add(diag.Pos{File: path.Join("content", lang, "about.md")}, "the about page explains sources, method and licence", "missing page")
		}
	}
	errs = append(errs, s.checkConfigRefs()...)
	<-arranged
	if len(errs.Errors()) > 0 {
		return s, errs
	}
	if len(charted) > 0 {
		return s, append(errs, charted...)
	}
	if m != nil {
		// A preview's charts have keys made from the figures' English
		// sentences, which the checks above found.
		s.shownKeys()
		if e := s.buildCharts(); len(e) > 0 {
			return s, append(errs, e...)
		}
	}
	s.pages = s.pageTree()
	return s, errs
}

// arrange sorts the figures of each indicator, groups them by year,
// compares and tracks them, for the pages.
func (s *Site) arrange() {
	if s.memo == nil {
		// A build shows every figure several times; a preview's rebuild
		// renders only the pages an edit changed, and formats only the
		// figures they show, as they show them (formatted).
		s.figureTexts = formatAll(s.Data.Figures)
	}
	s.sorted = make(map[*dataset.Indicator][]*dataset.Figure, len(s.Data.Indicators))
	s.distinct = make(map[*dataset.Indicator][]*dataset.Figure, len(s.Data.Indicators))
	for _, in := range s.Data.Indicators {
		// The order depends on the figures alone: a preview sorts again
		// only the indicators whose figures were read again.
		figs := s.Data.Measures(in)
		sorted, _ := memo.Get(s.memo, "sorted "+in.ID, s.instances(figs), func() ([2][]*dataset.Figure, bool) {
			sorted := sortedFigures(figs)
			return [2][]*dataset.Figure{sorted, dataset.Distinct(sorted)}, true
		})
		s.sorted[in], s.distinct[in] = sorted[0], sorted[1]
	}
	s.yearTargets = map[int][]*dataset.Figure{}
	s.byYear = map[int][]*dataset.Figure{}
	var targetFigs []*dataset.Figure
	for _, f := range s.Data.Figures {
		if f.Kind == dataset.Target {
			targetFigs = append(targetFigs, f)
		}
		y := yearOf(f)
		s.byYear[y] = append(s.byYear[y], f)
		if f.Kind == dataset.Actual {
			s.latestYear = max(s.latestYear, y)
		}
	}
	s.Years = s.years()
	sortedTargets, _ := memo.Get(s.memo, "sorted targets", s.instances(targetFigs), func() ([]*dataset.Figure, bool) {
		return sortedFigures(targetFigs), true
	})
	for _, f := range sortedTargets {
		s.yearTargets[yearOf(f)] = append(s.yearTargets[yearOf(f)], f)
	}
	s.joint = s.jointFigures()
	s.groups = s.groupIndicators()
	s.Comparisons = compare.Pairs(s.Data)
	s.Targets = targets.Track(s.Data)
	s.targetOf = map[*dataset.Figure]*targets.Target{}
	for _, t := range s.Targets {
		s.targetOf[t.Figure] = t
		for _, f := range t.Also {
			s.targetOf[f] = t
		}
	}
}

// unit is a translation unit of a report, with its hash if the report is
// translated.
func (s *Site) unit(reportID, id, zh string) i18n.Unit {
	if u, ok := s.units[reportID][id]; ok && u.Zh == zh {
		return u
	}
	return i18n.Unit{ID: id, Zh: zh}
}

// withErrs is a value loaded with its problems, as a memo keeps it.
type withErrs[T any] struct {
	v    T
	errs diag.List
}

// translationChecks are what the checks of one report's translation found,
// and the English sentence of each of its figures, by id (a figure read
// again is a new value, with the same id and stamp).
type translationChecks struct {
	errs   diag.List
	quotes map[string]string
	sums   []uint64             // a sum of the English sentence of each of the report's figures, in order (0: none), for the keys of what shows them
	units  map[string]i18n.Unit // by id, with their hashes
}

// filesBelow lists the files below a folder of fsys, for a memo's key
// (none without a memo).
func filesBelow(m *memo.Memo, fsys fs.FS, dir string) []string {
	if m == nil {
		return nil
	}
	var out []string
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// Build loads the inputs and renders the whole site in memory. On any error
// it returns no output.
func Build(fsys fs.FS, opt Options) (out *Output, errs diag.List) {
	defer diag.Recover(&errs, "building the site")
	s, errs := Load(fsys, opt)
	if s == nil || len(errs.Errors()) > 0 {
		return nil, errs
	}
	out = &Output{Files: map[string][]byte{}}
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
	var written, rendered atomic.Int64
	write := func(p string, b []byte) error {
		written.Add(1)
		return sink.Write(p, b)
	}
	// The exports and then the assets are written beside the pages, not
	// after them.
	exported := make(chan diag.List, 1)
	go func() {
		var errs diag.List
		defer func() { exported <- errs }()
		defer diag.Recover(&errs, "writing the data exports and the assets")
		errs = s.writeExports(sink, &written)
		errs = append(errs, s.writeStatic(fsys, sink, &written)...)
	}()
	var keys []string
	failed := make([]diag.List, len(s.pages))
	if s.memo != nil {
		keys, failed = s.pageKeys()
	}
	order := s.renderOrder()
	for _, i := range order {
		if strings.HasSuffix(s.pages[i].File, ".html") {
			st.Pages++
		}
	}
	var wg sync.WaitGroup
	var next atomic.Int64 // in order: each worker takes the next page itself
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer // reused from page to page
			for {
				k := int(next.Add(1) - 1)
				if k >= len(order) {
					return
				}
				i := order[k]
				if s.memo == nil {
					failed[i] = s.renderPage(s.pages[i], &buf, write)
					rendered.Add(1)
					continue
				}
				// A page whose key is as in the last build is taken as
				// it was; a page with errors is not remembered, and one
				// without a key is not rendered (the build fails).
				if len(failed[i]) > 0 {
					continue
				}
				p := s.pages[i]
				b, _ := memo.Get(s.memo, "page "+p.File, keys[i], func() ([]byte, bool) {
					rendered.Add(1)
					var out []byte
					failed[i] = s.renderPage(p, &buf, func(_ string, b []byte) error { out = bytes.Clone(b); return nil })
					return out, len(failed[i]) == 0
				})
				if len(failed[i]) == 0 {
					written.Add(1)
					failed[i].Append(keep(sink, p.File, b))
				}
			}
		}()
	}
	wg.Wait()
	errs = append(errs, foldRepeated(failed)...)
	errs = append(errs, <-exported...)
	errs.Append(write(".nojekyll", []byte{}))
	errs.Append(write("robots.txt", s.robots()))
	errs.Append(write("sitemap.xml", s.sitemap()))
	for _, lang := range s.Languages {
		// A feed lists the reports and the editorial pages.
		feed, _ := memo.Get(s.memo, "feed "+lang, s.global+"|"+s.Data.Version()+"|"+s.contentKey+"|"+fmt.Sprint(s.Years), func() (withErrs[[]byte], bool) {
			b, err := s.feed(lang)
			var e diag.List
			e.Append(err)
			return withErrs[[]byte]{b, e}, err == nil
		})
		errs = append(errs, feed.errs...)
		if len(feed.errs) == 0 {
			written.Add(1)
			errs.Append(keep(sink, lang+"/feed.xml", feed.v))
		}
	}
	st.Files = int(written.Load())
	st.Rendered = int(rendered.Load())
	return st, errs
}

// heavyFirst ranks the layouts by how long a page of each takes to render
// (the targets page about 11 ms, a year or report page 2 ms, an indicator
// page 0.2 ms); the rest come between.
var heavyFirst = map[string]int{"targets": 0, "year": 1, "report": 2, "indicators": 3, "home": 4, "compare": 5, "data": 6, "indicator": 9}

// renderOrder is the order in which pages go to the rendering workers:
// the slowest first, so that the workers finish together rather than one
// of them rendering a large page alone at the end. The output does not
// depend on it.
func (s *Site) renderOrder() []int {
	order := make([]int, len(s.pages))
	for i := range order {
		order[i] = i
	}
	rank := func(i int) int {
		if r, ok := heavyFirst[s.pages[i].Layout]; ok {
			return r
		}
		return 8
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank(a) - rank(b) })
	return order
}

// Keeper is a Sink that can hold data as it is, without a copy: data that
// the site will not change (what a memo remembers).
type Keeper interface {
	Keep(path string, data []byte) error
}

// PartsKeeper is a Sink that can hold a file as a list of parts (see
// Output.Parts).
type PartsKeeper interface {
	KeepParts(path string, parts [][]byte) error
}

// keepParts hands a file made of parts that will not change to a sink.
func keepParts(sink Sink, p string, parts [][]byte) error {
	if k, ok := sink.(PartsKeeper); ok {
		return k.KeepParts(p, parts)
	}
	return keep(sink, p, bytes.Join(parts, nil))
}

// keep hands data that will not change to a sink.
func keep(sink Sink, p string, data []byte) error {
	if k, ok := sink.(Keeper); ok {
		return k.Keep(p, data)
	}
	return sink.Write(p, data)
}

// Keep stores data as it is: the caller does not change it.
func (o *Output) Keep(p string, data []byte) error {
	o.mu.Lock()
	o.Files[p] = data
	o.mu.Unlock()
	return nil
}

// writeStatic writes layouts/static to /assets/.
func (s *Site) writeStatic(fsys fs.FS, sink Sink, written *atomic.Int64) diag.List {
	static, _ := memo.Get(s.memo, "static", s.memo.Files(fsys, filesBelow(s.memo, fsys, path.Join(render.Dir, "static"))...), func() (withErrs[map[string][]byte], bool) {
		v, err := render.Static(fsys)
		var e diag.List
		e.Append(err)
		return withErrs[map[string][]byte]{v, e}, err == nil
	})
	errs := static.errs
	for _, p := range sortedKeys(static.v) {
		written.Add(1)
		errs.Append(keep(sink, "assets/"+p, static.v[p]))
	}
	return errs
}

// renderPage renders one page into buf and writes it. A panic is turned
// into an internal error naming the page.
func (s *Site) renderPage(page *Page, buf *bytes.Buffer, write func(string, []byte) error) (errs diag.List) {
	defer diag.Recover(&errs, "rendering "+page.File)
	p := *page // a copy, so that its data is dropped with it
	if p.fill != nil {
		p.fill(&p)
	}
	buf.Reset()
	if err := s.templates.ExecuteTo(buf, p.Layout, &View{Page: &p, Site: s, out: buf}); err != nil {
		errs.Append(err)
		return errs
	}
	if errs = missingStrings(buf.Bytes()); len(errs) > 0 {
		return errs
	}
	errs.Append(write(p.File, buf.Bytes()))
	return errs
}

// missingStrings finds the marks that i18n.Strings.T leaves for interface
// strings that do not exist ("[missing en:key]") in a rendered page.
func missingStrings(page []byte) diag.List {
	var errs diag.List
	for rest := page; ; {
		i := bytes.Index(rest, []byte(i18n.MissingMark))
		if i < 0 {
			return errs
		}
		rest = rest[i+len(i18n.MissingMark):]
		end := bytes.IndexByte(rest, ']')
		if end < 0 {
			return errs
		}
		lang, key, _ := strings.Cut(string(rest[:end]), ":")
		errs.Add(diag.Pos{File: i18n.StringsPath(lang)}, "add it to both data/i18n/zh.toml and data/i18n/en.toml", "missing interface string %q used by the layouts", key)
	}
}

// foldRepeated lists the errors of every page, each distinct error once:
// a layout error is met on every page that uses the layout, and is
// reported once with the number of pages.
func foldRepeated(perPage []diag.List) diag.List {
	var out diag.List
	count := map[string]int{}
	first := map[string]*diag.Error{}
	for _, l := range perPage {
		for _, e := range l {
			k := e.Error()
			if count[k] == 0 {
				first[k] = e
				out = append(out, e)
			}
			count[k]++
		}
	}
	for _, e := range out {
		if n := count[e.Error()]; n > 1 {
			e.Msg += fmt.Sprintf(" (on %d pages)", n)
		}
	}
	return out
}

// loadTranslations reads every file of data/translations/en/, by report id;
// a file that failed to load is there with a nil translation.
func loadTranslations(fsys fs.FS, m *memo.Memo) (map[string]*i18n.Translation, map[string]string, diag.List) {
	names, _ := fs.Glob(fsys, path.Join("data/translations/en", "*.toml"))
	sort.Strings(names)
	loaded := make([]withErrs[*i18n.Translation], len(names))
	versions := make([]uint64, len(names))
	// The files are independent: they are decoded on every core.
	diag.Each(len(names), "loading the translations", func(i int) {
		name := names[i]
		loaded[i], versions[i] = memo.Get(m, "translation "+name, m.Files(fsys, name), func() (withErrs[*i18n.Translation], bool) {
			t, errs := i18n.LoadTranslation(fsys, "en", strings.TrimSuffix(path.Base(name), ".toml"))
			return withErrs[*i18n.Translation]{t, errs}, true
		})
	}, func(i int, e *diag.Error) { loaded[i].errs = append(slices.Clip(loaded[i].errs), e) })
	var errs diag.List
	out := map[string]*i18n.Translation{}
	version := map[string]string{}
	for i, t := range loaded {
		errs = append(errs, t.errs...)
		id := strings.TrimSuffix(path.Base(names[i]), ".toml")
		out[id], version[id] = t.v, strconv.FormatUint(versions[i], 36)
	}
	return out, version, errs
}

// ReportURL is the address of a report page.
func (s *Site) ReportURL(lang, id string) string { return s.Base + lang + "/reports/" + id + "/" }

func (s *Site) checkConfigRefs() diag.List {
	var errs diag.List
	for i, id := range s.Headline {
		if s.Data.Figure(id) != nil {
			continue
		}
		if why := s.Data.Why("figure", id); why != nil {
			errs.Follow(why, s.Elem("headline", i), "", "headline figure %q did not load", id)
		} else {
			errs.Add(s.Elem("headline", i), "headline lists figure ids from data/figures/", "headline figure %q does not exist", id)
		}
	}
	for i, id := range s.Featured {
		if s.Data.Indicator(id) != nil {
			continue
		}
		if why := s.Data.Why("indicator", id); why != nil {
			errs.Follow(why, s.Elem("featured", i), "", "featured indicator %q did not load", id)
		} else {
			errs.Add(s.Elem("featured", i), "featured lists indicator ids from data/indicators.toml", "featured indicator %q does not exist", id)
		}
	}
	return errs
}

// years lists every year a report covers or a figure ends in (the years of
// byYear, made first): a figure is listed under the last year of its
// period, once.
func (s *Site) years() []int {
	set := map[int]bool{}
	for _, r := range s.Data.Reports {
		for _, y := range r.Covers {
			set[y] = true
		}
	}
	for y := range s.byYear {
		set[y] = true
	}
	var ys []int
	for y := range set {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
