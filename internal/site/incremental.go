package site

import (
	"fmt"
	"strings"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/targets"
)

// A preview's build (Options.Memo) renders again only the pages whose
// inputs changed. Every page and export is remembered with a key made of
// what it shows: what every page shows (the settings, the interface
// strings, the glossary, the layouts: Site.global), the reports and
// indicators as loaded, and its own part — the figures it shows, its
// report's text and translation, its editorial pages. A page whose key is
// as in the last build is taken as it was. TestIncrementalIsFull edits the
// inputs one way after another and compares with a build from nothing.

// pageDeps are what a page shows besides what every page shows.
type pageDeps struct {
	// id names what the page shows of the figures, the same in both
	// languages ("report ID"), so that its key is worked out once.
	id      string
	figures []*dataset.Figure // in rows, lists, charts and counts
	report  string            // a report's id: its text and translation
	content []string          // editorial pages, by content.Key
	years   bool              // the list of years
	more    func() string     // anything else, as a key (counts)
}

// targetFigures are the figures the targets page shows: each target's, the
// same target set elsewhere, and the actuals it is judged by.
func (s *Site) targetFigures() []*dataset.Figure {
	var out []*dataset.Figure
	for _, t := range s.Targets {
		out = append(out, t.Figure)
		out = append(out, t.Also...)
		out = append(out, t.Flows...)
		for _, f := range []*dataset.Figure{t.Baseline, t.Latest} {
			if f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// compareFigures are the figures the comparison page shows: those of every
// pair, and the joint figures of both.
func (s *Site) compareFigures() []*dataset.Figure {
	var out []*dataset.Figure
	for _, g := range s.Comparisons {
		for _, p := range g.Pairs {
			out = append(out, p.Chongqing, p.Sichuan)
		}
	}
	return append(out, s.joint...)
}

// indicatorCounts is what the index of indicators shows besides the
// indicators: how many figures each has.
func (s *Site) indicatorCounts() string {
	var b strings.Builder
	for _, g := range s.indicatorGroups() {
		for _, e := range g.Indicators {
			fmt.Fprintf(&b, "%s %d;", e.ID, e.Count)
		}
	}
	return b.String()
}

// homeFigures are the figures the home page shows: the headline figures,
// the featured indicators', and those of the comparisons and targets it
// sums up.
func (s *Site) homeFigures() []*dataset.Figure {
	var out []*dataset.Figure
	for _, id := range s.Headline {
		out = append(out, s.Data.Figure(id))
	}
	for _, id := range s.Featured {
		out = append(out, s.sorted[s.Data.Indicator(id)]...)
	}
	out = append(out, s.compareFigures()...)
	return append(out, s.targetFigures()...)
}

// instances is a key for some figures as values: it changes when one of
// them was read again, for what holds the figures themselves.
func (s *Site) instances(figs []*dataset.Figure) string {
	return s.memo.Join(len(figs), func(i int) uint64 { return s.Data.Instance(figs[i]) })
}

// stamps is a key for some figures as loaded.
func (s *Site) stamps(figs []*dataset.Figure) string {
	return s.memo.Join(len(figs), func(i int) uint64 { return s.Data.Stamp(figs[i]) })
}

// shownKeys sets, for a build with a memo, the key of what a page shows of
// each figure: the figure as loaded, its English sentence and its target's
// status; and the key of all of them. (How many figures give the same
// number is shown on the indicator's page only: see sameKey.)
func (s *Site) shownKeys() {
	if s.memo == nil {
		return
	}
	s.shown = make(map[*dataset.Figure]uint64, len(s.Data.Figures))
	s.baseSum = s.memo.Sum(s.Base)
	statuses := map[targets.Status]uint64{}
	for _, r := range s.Data.Reports {
		for i, f := range s.Data.FiguresOf(r) {
			var status uint64
			if t := s.targetOf[f]; t != nil {
				if statuses[t.Status] == 0 {
					statuses[t.Status] = s.memo.Sum(string(t.Status))
				}
				status = statuses[t.Status]
			}
			s.shown[f] = s.memo.Combine(s.recordKey(r, i, f), status)
		}
	}
	s.allShown = s.figuresKey(s.Data.Figures)
}

// recordKey is the key of the record in the exports of f, the i-th figure
// of report r: the figure as loaded, its English sentence and the base.
func (s *Site) recordKey(r *dataset.Report, i int, f *dataset.Figure) uint64 {
	var sentence uint64
	if c := s.checked[r]; c != nil && i < len(c.sums) {
		sentence = c.sums[i]
	}
	return s.memo.Combine(s.Data.Stamp(f), sentence, s.baseSum)
}

// sameKey is the key of how many figures give the same number as each of
// some figures (the tag of their rows on an indicator's page).
func (s *Site) sameKey(figs []*dataset.Figure) string {
	return s.memo.Join(len(figs), func(i int) uint64 { return uint64(len(s.Data.Same(figs[i]))) })
}

// figuresKey is the key of what pages show of some figures.
func (s *Site) figuresKey(figs []*dataset.Figure) string {
	return s.memo.Join(len(figs), func(i int) uint64 { return s.shown[figs[i]] })
}

// pageKeys are the keys of every page, worked out on every core; what the
// pages of one id (a page in both languages) show of the figures is worked
// out once, by the first of them. A page whose key could not be worked out
// (a bug) has its error in failed.
func (s *Site) pageKeys() (keys []string, failed []diag.List) {
	first := map[string]int{}
	rep := make([]int, len(s.pages)) // the page that works out what page i shows of the figures
	for i, p := range s.pages {
		rep[i] = i
		if id := p.deps.id; id != "" {
			if j, ok := first[id]; ok {
				rep[i] = j
			} else {
				first[id] = i
			}
		}
	}
	shown := make([]string, len(s.pages))
	keys = make([]string, len(s.pages))
	failed = make([]diag.List, len(s.pages))
	fail := func(i int, e *diag.Error) { failed[i] = append(failed[i], e) }
	diag.Each(len(s.pages), "working out what the pages show", func(i int) {
		if rep[i] != i {
			return
		}
		d := s.pages[i].deps
		if d.more != nil {
			shown[i] += "more " + d.more() + "|"
		}
		if len(d.figures) > 0 {
			shown[i] += "figures " + s.figuresKey(d.figures) + "|"
		}
	}, fail)
	diag.Each(len(s.pages), "working out what the pages show", func(i int) {
		keys[i] = s.pageKey(s.pages[i], shown[rep[i]])
	}, fail)
	return keys, failed
}

// pageKey is the key of everything a page shows, given the key of what it
// shows of the figures.
func (s *Site) pageKey(p *Page, figures string) string {
	var b strings.Builder
	b.WriteString(s.global + "|" + s.Data.Version() + "|" + p.File + "|" + p.Layout + "|" + figures)
	d := p.deps
	if d.report != "" {
		b.WriteString("translation " + s.translation[d.report] + "|")
	}
	if d.years {
		fmt.Fprintf(&b, "years %v|", s.Years)
	}
	for _, k := range d.content {
		if c := s.Content[k]; c != nil {
			b.WriteString(k + " " + s.memo.Hash([]byte(fmt.Sprintf("%#v", *c))) + "|")
		}
	}
	return b.String()
}

// contentKey is the key of an editorial page in a language.
func contentKey(lang, name string) string { return content.Key(lang, name) }
