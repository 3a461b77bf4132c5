package site

import (
	"reportsite/internal/compare"
	"reportsite/internal/dataset"
)

// ComparePage is the data of the comparison page: every Chongqing–Sichuan
// pair by indicator with its verdict, the charts of the comparable ones,
// and the figures of the Chengdu–Chongqing economic circle as a whole.
type ComparePage struct {
	Groups []*compare.Group
	Charts []*Chart
	Joint  []*dataset.Figure
	// Count is the number of pairs of each verdict: comparable, caveat,
	// not-comparable.
	Count map[string]int
}

func (s *Site) comparePage(lang string) *ComparePage {
	cp := &ComparePage{Groups: s.Comparisons, Charts: s.compareCharts[lang], Count: map[string]int{}}
	for _, g := range s.Comparisons {
		for _, p := range g.Pairs {
			cp.Count[p.Verdict.String()]++
		}
	}
	cp.Joint = s.joint
	return cp
}

// jointFigures are the figures of Chengdu–Chongqing as one region, each
// number once, in table order.
func (s *Site) jointFigures() []*dataset.Figure {
	var out []*dataset.Figure
	for _, in := range s.Data.Indicators {
		for _, f := range s.distinct[in] {
			if f.Region == "chengdu-chongqing" {
				out = append(out, f)
			}
		}
	}
	return out
}

// Verdict names a pair's verdict in the page's language.
func (v *View) Verdict(p *compare.Pair) string { return v.T("compare.verdict." + p.Verdict.String()) }

// Difference states how a pair's values differ, in the page's language.
func (v *View) Difference(p *compare.Pair) string { return p.Difference(v.langOr("zh")) }
