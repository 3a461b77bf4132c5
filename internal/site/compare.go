package site

import (
	"sort"

	"reportsite/internal/dataset"
)

// Comparison is one indicator with figures for both Chongqing and Sichuan.
type Comparison struct {
	Indicator *dataset.Indicator
	Rows      []*ComparisonRow
}

// ComparisonRow pairs a Chongqing figure with a Sichuan one. Comparable is
// true only for like with like: same indicator, period, kind, stock or
// flow, and base unit. Otherwise Reasons says what differs (as keys of the
// interface strings, "compare.reason.period" …).
type ComparisonRow struct {
	Chongqing, Sichuan *dataset.Figure
	Comparable         bool
	Reasons            []string
	// Approximate is set when one side is qualified (over, about): the pair
	// is comparable, but not to the last digit.
	Approximate bool
}

// compare pairs the figures of every indicator reported for both regions:
// first every like-with-like pair, then the pairs that look alike (same
// year, same unit) but differ, with the reasons.
func (s *Site) compare() []*Comparison {
	var out []*Comparison
	for _, in := range s.Data.Indicators {
		var cq, sc []*dataset.Figure
		for _, f := range sortedFigures(in.Figures) {
			switch f.Region {
			case "chongqing":
				cq = append(cq, f)
			case "sichuan":
				sc = append(sc, f)
			}
		}
		if len(cq) == 0 || len(sc) == 0 {
			continue
		}
		c := &Comparison{Indicator: in}
		used := map[*dataset.Figure]bool{}
		var rest []*dataset.Figure
		for _, a := range cq {
			if b := find(sc, used, func(b *dataset.Figure) bool { return len(differences(a, b)) == 0 }); b != nil {
				used[b] = true
				c.Rows = append(c.Rows, &ComparisonRow{Chongqing: a, Sichuan: b, Comparable: true, Approximate: a.Qualifier != "" || b.Qualifier != ""})
				continue
			}
			rest = append(rest, a)
		}
		// Of the rest, pair the look-alikes that differ least first.
		type pair struct{ a, b *dataset.Figure }
		var pairs []pair
		for _, a := range rest {
			for _, b := range sc {
				if !used[b] && looksAlike(a, b) {
					pairs = append(pairs, pair{a, b})
				}
			}
		}
		sort.SliceStable(pairs, func(i, j int) bool {
			return len(differences(pairs[i].a, pairs[i].b)) < len(differences(pairs[j].a, pairs[j].b))
		})
		for _, p := range pairs {
			if !used[p.a] && !used[p.b] {
				used[p.a], used[p.b] = true, true
				c.Rows = append(c.Rows, &ComparisonRow{Chongqing: p.a, Sichuan: p.b, Reasons: differences(p.a, p.b)})
			}
		}
		sort.SliceStable(c.Rows, func(i, j int) bool { return c.Rows[i].Chongqing.Period.To < c.Rows[j].Chongqing.Period.To })
		if len(c.Rows) > 0 {
			out = append(out, c)
		}
	}
	return out
}

func find(fs []*dataset.Figure, used map[*dataset.Figure]bool, ok func(*dataset.Figure) bool) *dataset.Figure {
	for _, f := range fs {
		if !used[f] && ok(f) {
			return f
		}
	}
	return nil
}

// differences lists why two figures of one indicator are not comparable.
func differences(a, b *dataset.Figure) []string {
	var r []string
	if a.Period.From != b.Period.From || a.Period.To != b.Period.To {
		r = append(r, "compare.reason.period")
	}
	if a.Kind != b.Kind {
		r = append(r, "compare.reason.kind")
	}
	if a.Cumulative != b.Cumulative {
		r = append(r, "compare.reason.cumulative")
	}
	if a.Unit.Base != b.Unit.Base {
		r = append(r, "compare.reason.unit")
	}
	return r
}

// looksAlike reports whether a reader could take two figures of one
// indicator for a pair: they refer to the same year (Jan–Nov 2020 and the
// whole of 2020; an expected and an actual 2020 value).
func looksAlike(a, b *dataset.Figure) bool {
	return a.Period.To.Year() == b.Period.To.Year() && a.Unit.Base == b.Unit.Base
}

// ComparePage is the data of the comparison page.
type ComparePage struct {
	Comparisons []*Comparison
	Charts      []*Chart
}
