// Package dataset is the second stage of the pipeline: it reads the curated
// data — data/reports.toml, data/indicators.toml and data/figures/*.toml —
// parses each report's seed (package seed), applies the errata, and checks
// every figure against the text it claims to quote.
//
// What Load returns is consistent, and nothing changes it afterwards: every
// report has its text, every reference resolves, every quote is found,
// every value is in its quote, every base value is derived from its unit.
// An entry that fails a check is left out after its error is recorded, and
// whatever refers to it is reported as following from that error (see
// diag.Error.Cause), so that later stages never meet a half-checked value
// and an editor reads the cause first.
package dataset

import (
	"fmt"
	"io/fs"
	"maps"
	"sync"

	"reportsite/internal/diag"
	"reportsite/internal/memo"
)

// Dataset is everything the data files say, validated.
type Dataset struct {
	Reports    []*Report
	Indicators []*Indicator
	Figures    []*Figure

	reports     map[string]*Report
	indicators  map[string]*Indicator
	figures     map[string]*Figure
	byReport    map[*Report][]*Figure
	byIndicator map[*Indicator][]*Figure
	sameOf      map[*Figure][]*Figure // see Same
	numbers     map[*Indicator][]*Figure
	version     string                 // see Version
	dropped     map[string]*diag.Error // "report:ID" → why it was left out
	fileFailed  map[string]*diag.Error // "report", "indicator" → why none could be read
}

// loader is the state of one Load.
type loader struct {
	fsys fs.FS
	memo *memo.Memo
	d    *Dataset
	errs diag.List
	// The versions of the reports and indicators read, for the keys of
	// the figures checked against them.
	reportsVersion, indicatorsVersion uint64

	seedsMu    sync.Mutex
	seeds      map[string]string // seed files read, by name
	seedsUsed  map[string]bool
	texts      map[*Report]*searchableText // for finding quotes
	referenced map[string]bool             // indicators named by any figure
}

// Load reads and validates the data under fsys (the site root). It returns
// all problems found, errors and warnings, and the dataset of every entry
// that passed its checks.
func Load(fsys fs.FS) (*Dataset, diag.List) { return Reload(fsys, nil) }

// Reload is Load for a build that follows another (the preview's): what
// did not change since the last load with m — the reports and their texts,
// the indicators, each file of figures — is taken from m rather than read
// and checked again. The result is the same as Load's.
func Reload(fsys fs.FS, m *memo.Memo) (*Dataset, diag.List) {
	l := newLoader(fsys, m)
	d := l.d
	// The reports (with their texts) and the indicators do not depend on
	// each other: the indicators are read while the reports are.
	var is steps
	indicatorsRead := make(chan struct{})
	go func() {
		defer close(indicatorsRead)
		is, l.indicatorsVersion = memo.Get(m, "indicators", m.Files(fsys, IndicatorsPath), func() (s steps, ok bool) {
			sub := newLoader(fsys, nil)
			defer func() { s, ok = sub.steps(), !sub.errs.Internal() }()
			// A panic here is an internal error, not the end of the process.
			defer diag.Recover(&sub.errs, "loading the indicators")
			sub.d.Indicators = sub.indicators()
			return
		})
	}()
	var rs steps
	rs, l.reportsVersion = memo.Get(m, "reports", m.Files(fsys, append([]string{ReportsPath}, l.seedPaths()...)...), func() (steps, bool) {
		sub := newLoader(fsys, nil)
		sub.d.Reports = sub.reports()
		return sub.steps(), !sub.errs.Internal()
	})
	l.replay(rs)
	d.Reports = rs.d.Reports
	d.reports = byID(d.Reports, func(r *Report) string { return r.ID })
	<-indicatorsRead
	l.replay(is)
	if is.errs.Internal() {
		return nil, l.errs
	}
	d.Indicators = is.d.Indicators
	d.indicators = byID(d.Indicators, func(in *Indicator) string { return in.ID })
	d.version = fmt.Sprintf("%d.%d", l.reportsVersion, l.indicatorsVersion)
	d.index(l.figures())
	l.warnUnusedIndicators()
	l.warnUnusedSeeds()
	return d, l.errs
}

// Stamp is a key for a figure as loaded: it changes when the figure's entry
// or what it was checked against changes (for the keys of what a preview
// makes from it; see Reload). It is 0 for a dataset loaded without a
// memo.
func (d *Dataset) Stamp(f *Figure) uint64 { return f.stamp }

// Instance is a number that changes whenever the figure was read again,
// even if it reads the same: for the keys of values that hold the figure
// itself. It is 0 for a dataset loaded without a memo.
func (d *Dataset) Instance(f *Figure) uint64 { return f.instance }

// Name is a sum of a figure's id and indicator (for the key of the index
// of indicators, which lists the figures of each). It is 0 for a dataset
// loaded without a memo.
func (d *Dataset) Name(f *Figure) uint64 { return f.name }

// Version is a key for the reports, with their texts, and the indicators,
// as Stamp is for a figure.
func (d *Dataset) Version() string { return d.version }

func newLoader(fsys fs.FS, m *memo.Memo) *loader {
	return &loader{fsys: fsys, memo: m, d: &Dataset{dropped: map[string]*diag.Error{}, fileFailed: map[string]*diag.Error{}},
		seeds: map[string]string{}, seedsUsed: map[string]bool{}, texts: map[*Report]*searchableText{}, referenced: map[string]bool{}}
}

// steps is what a step of loading (the reports, the indicators) found, to
// be remembered and replayed into a later load.
type steps struct {
	d         *Dataset
	errs      diag.List
	seedsUsed map[string]bool
	texts     map[*Report]*searchableText
}

func (l *loader) steps() steps { return steps{l.d, l.errs, l.seedsUsed, l.texts} }

// replay adds to l what a step found.
func (l *loader) replay(s steps) {
	l.errs = append(l.errs, s.errs...)
	maps.Copy(l.d.dropped, s.d.dropped)
	maps.Copy(l.d.fileFailed, s.d.fileFailed)
	maps.Copy(l.seedsUsed, s.seedsUsed)
	maps.Copy(l.texts, s.texts)
}

// New assembles a dataset from entries that passed their checks (tests
// make one this way; Load does the same with what it read).
func New(reports []*Report, indicators []*Indicator, figures []*Figure) *Dataset {
	d := &Dataset{Reports: reports, Indicators: indicators, dropped: map[string]*diag.Error{}, fileFailed: map[string]*diag.Error{}}
	d.reports = byID(d.Reports, func(r *Report) string { return r.ID })
	d.indicators = byID(d.Indicators, func(in *Indicator) string { return in.ID })
	d.index(figures, nil)
	return d
}

// index sets the figures and the indices into them; ids, if not nil, is
// the index by id, made while the figures were read.
func (d *Dataset) index(figures []*Figure, ids map[string]*Figure) {
	d.Figures = figures
	if d.figures = ids; ids == nil {
		d.figures = byID(d.Figures, func(f *Figure) string { return f.ID })
	}
	d.byReport = map[*Report][]*Figure{}
	d.byIndicator = map[*Indicator][]*Figure{}
	// A report's figures are mostly one after the other (a file each), so
	// the list being made is kept at hand rather than looked up each time;
	// and each figure's group of the same number is noted by its number,
	// so that it is not looked up again by its key.
	var last *Report
	var ofLast []*Figure
	group := make([]int, len(d.Figures))
	groupOf := make(map[string]int, len(d.Figures))
	var groups [][]*Figure
	for i, f := range d.Figures {
		if f.Report != last {
			if last != nil {
				d.byReport[last] = ofLast
			}
			last, ofLast = f.Report, d.byReport[f.Report]
		}
		ofLast = append(ofLast, f)
		d.byIndicator[f.Indicator] = append(d.byIndicator[f.Indicator], f)
		g, ok := groupOf[f.Key()]
		if !ok {
			g = len(groups)
			groupOf[f.Key()] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], f)
		group[i] = g
	}
	if last != nil {
		d.byReport[last] = ofLast
	}
	d.sameOf = make(map[*Figure][]*Figure, len(d.Figures))
	d.numbers = make(map[*Indicator][]*Figure, len(d.byIndicator))
	for i, f := range d.Figures {
		same := groups[group[i]]
		d.sameOf[f] = same
		if same[0] == f {
			d.numbers[f.Indicator] = append(d.numbers[f.Indicator], f)
		}
	}
}

func byID[T any](list []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		if _, dup := m[id(x)]; !dup {
			m[id(x)] = x
		}
	}
	return m
}

// drop records why an entry was left out.
func (l *loader) drop(kind, id string, why *diag.Error) {
	if _, ok := l.d.dropped[kind+":"+id]; !ok && why != nil {
		l.d.dropped[kind+":"+id] = why
	}
}

// Why returns the error that made an entry of a kind ("report",
// "indicator", "figure") with this id be left out, or nil if no such entry
// failed: an error about a reference to it follows from that one.
func (d *Dataset) Why(kind, id string) *diag.Error {
	if e := d.dropped[kind+":"+id]; e != nil {
		return e
	}
	return d.fileFailed[kind]
}

// Report returns the report with the given id, or nil.
func (d *Dataset) Report(id string) *Report { return d.reports[id] }

// Indicator returns the indicator with the given id, or nil.
func (d *Dataset) Indicator(id string) *Indicator { return d.indicators[id] }

// Same returns the figures that give the same number as f (see
// Figure.Key), f first among them or not, in file order.
func (d *Dataset) Same(f *Figure) []*Figure { return d.sameOf[f] }

// Distinct returns the figures of a list that give a number not given by
// an earlier figure of the list: each number once.
func Distinct(figs []*Figure) []*Figure {
	seen := make(map[string]bool, len(figs))
	var out []*Figure
	for _, f := range figs {
		if !seen[f.Key()] {
			seen[f.Key()] = true
			out = append(out, f)
		}
	}
	return out
}

// FiguresOf returns the figures quoted from a report, in file order.
func (d *Dataset) FiguresOf(r *Report) []*Figure { return d.byReport[r] }

// Measures returns the figures of an indicator, in file order.
func (d *Dataset) Measures(in *Indicator) []*Figure { return d.byIndicator[in] }

// Numbers returns the figures of an indicator, each number once (the first
// figure that gives it), in file order: Distinct(d.Measures(in)).
func (d *Dataset) Numbers(in *Indicator) []*Figure { return d.numbers[in] }

// Figure returns the figure with the given id, or nil.
func (d *Dataset) Figure(id string) *Figure { return d.figures[id] }
