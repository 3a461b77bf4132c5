package site

import (
	"fmt"
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
		// Like with like: Sichuan figures by everything that must match.
		exact := map[string][]*dataset.Figure{}
		for _, b := range sc {
			exact[likeKey(b)] = append(exact[likeKey(b)], b)
		}
		var rest []*dataset.Figure
		for _, a := range cq {
			if q := exact[likeKey(a)]; len(q) > 0 {
				b := q[0]
				exact[likeKey(a)] = q[1:]
				used[b] = true
				c.Rows = append(c.Rows, &ComparisonRow{Chongqing: a, Sichuan: b, Comparable: true, Approximate: a.Qualifier != "" || b.Qualifier != ""})
				continue
			}
			rest = append(rest, a)
		}
		// Of the rest, pair the look-alikes (same year and unit) that differ
		// least first.
		alike := map[string][]*dataset.Figure{}
		for _, b := range sc {
			if !used[b] {
				alike[alikeKey(b)] = append(alike[alikeKey(b)], b)
			}
		}
		for d := 1; d <= 4; d++ {
			for _, a := range rest {
				if used[a] {
					continue
				}
				bucket := alike[alikeKey(a)]
				for k, b := range bucket {
					if len(differences(a, b)) == d {
						used[a], used[b] = true, true
						alike[alikeKey(a)] = append(bucket[:k:k], bucket[k+1:]...)
						c.Rows = append(c.Rows, &ComparisonRow{Chongqing: a, Sichuan: b, Reasons: differences(a, b)})
						break
					}
				}
			}
		}
		sort.SliceStable(c.Rows, func(i, j int) bool { return c.Rows[i].Chongqing.Period.To < c.Rows[j].Chongqing.Period.To })
		if len(c.Rows) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// likeKey is what two figures share when they are comparable.
func likeKey(f *dataset.Figure) string {
	return fmt.Sprintf("%d|%d|%s|%t|%s", f.Period.From, f.Period.To, f.Kind, f.Cumulative, f.Unit.Base)
}

// alikeKey is what two figures share when a reader could take them for a
// pair: the year they refer to and the unit.
func alikeKey(f *dataset.Figure) string {
	return fmt.Sprintf("%d|%s", f.Period.To.Year(), f.Unit.Base)
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

// ComparePage is the data of the comparison page.
type ComparePage struct {
	Comparisons []*Comparison
	Charts      []*Chart
}
