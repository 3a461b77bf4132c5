// Package compare answers "how do Chongqing and Sichuan compare?" for the
// figures of the dataset: it pairs every Chongqing figure with every
// Sichuan figure of the same indicator whose period overlaps it, and gives
// each pair one of three verdicts with its reasons — comparable,
// comparable with a caveat, or not comparable — by the explicit rules of
// Judge. It sits between the dataset and the pages: the comparison page,
// the year pages and the charts call it.
package compare

import (
	"fmt"
	"math"
	"sort"

	"reportsite/internal/dataset"
)

// Verdict says whether two figures can be read side by side.
type Verdict int

const (
	// Comparable: the same indicator, period, kind and basis.
	Comparable Verdict = iota
	// Caveat: comparable, but with something to keep in mind (both
	// numbers are lower bounds, the periods differ by a month or two,
	// the measure words differ for the same thing).
	Caveat
	// NotComparable: the figures measure different things (new items
	// against a total, an estimate against an actual, a change against a
	// level, periods that differ).
	NotComparable
)

var verdictNames = [...]string{"comparable", "caveat", "not-comparable"}

func (v Verdict) String() string { return verdictNames[v] }

// The reasons, as keys of the interface strings ("compare.reason.kind").
// Reasons that make a pair not comparable:
const (
	ReasonKind       = "compare.reason.kind"       // actual against expected or target
	ReasonCumulative = "compare.reason.cumulative" // a total to date against new in the period
	ReasonMeasure    = "compare.reason.measure"    // a change or a rate per year against a level
	ReasonUnit       = "compare.reason.unit"       // different units
	ReasonPeriod     = "compare.reason.period"     // periods that differ by more than a month or two
)

// Caveats, which leave a pair comparable:
const (
	CaveatPeriod      = "compare.caveat.period"       // the periods differ by a month or two
	CaveatLowerBounds = "compare.caveat.lower_bounds" // both are lower bounds (超过, 以上)
	CaveatApproximate = "compare.caveat.approximate"  // one side is approximate or a bound
	CaveatMeasureWord = "compare.caveat.measure_word" // 户 against 家 for the same thing
	CaveatInferred    = "compare.caveat.inferred"     // a period is the editors' reading
	CaveatRange       = "compare.caveat.range"        // one side is a range
)

// Pair is a Chongqing figure and a Sichuan figure of one indicator, with
// the verdict and its reasons.
type Pair struct {
	Chongqing, Sichuan *dataset.Figure
	Verdict            Verdict
	Reasons            []string // why not comparable, or the caveats
}

// Group is one indicator's pairs.
type Group struct {
	Indicator *dataset.Indicator
	Pairs     []*Pair
}

// Slack is how far two periods may differ at either end, in months, and
// still be compared with a caveat (January–November against the full
// year).
const Slack = 2

// Judge gives the verdict on a pair, by these rules in order:
//
//  1. Not comparable if the kinds differ (an actual against an expected
//     value or a target), if one is a total to date and the other new in
//     the period, if one is a change or a rate per period and the other
//     not, or if the units measure different things.
//  2. Not comparable if the periods differ at either end by more than
//     Slack months; comparable with a caveat if they differ by less.
//  3. Caveats: both values are lower bounds (超过, 以上: neither is the
//     real value); one side is approximate or a bound; one side is a
//     range; the measure words differ (户 and 家 both count firms); a
//     period is the editors' reading.
//  4. Otherwise comparable.
func Judge(cq, sc *dataset.Figure) (Verdict, []string) {
	var no []string
	if cq.Kind != sc.Kind {
		no = append(no, ReasonKind)
	}
	if cq.Cumulative != sc.Cumulative {
		no = append(no, ReasonCumulative)
	}
	if cq.Change != sc.Change || cq.Per != sc.Per {
		no = append(no, ReasonMeasure)
	}
	if cq.Unit.Kind() != sc.Unit.Kind() {
		no = append(no, ReasonUnit)
	}
	from, to := abs(int(cq.Period.From-sc.Period.From)), abs(int(cq.Period.To-sc.Period.To))
	switch {
	case from > Slack || to > Slack:
		no = append(no, ReasonPeriod)
	}
	if len(no) > 0 {
		return NotComparable, no
	}
	var caveats []string
	if from > 0 || to > 0 {
		caveats = append(caveats, CaveatPeriod)
	}
	lower := func(f *dataset.Figure) bool { return f.Qualifier == "over" || f.Qualifier == "at-least" }
	switch {
	case lower(cq) && lower(sc):
		caveats = append(caveats, CaveatLowerBounds)
	case cq.Qualifier != "" || sc.Qualifier != "":
		caveats = append(caveats, CaveatApproximate)
	}
	if cq.IsRange || sc.IsRange {
		caveats = append(caveats, CaveatRange)
	}
	if cq.Unit.Measure != sc.Unit.Measure {
		caveats = append(caveats, CaveatMeasureWord)
	}
	if cq.PeriodInferred || sc.PeriodInferred {
		caveats = append(caveats, CaveatInferred)
	}
	if len(caveats) > 0 {
		return Caveat, caveats
	}
	return Comparable, nil
}

func abs(n int) int { return max(n, -n) }

// Overlap reports whether two periods share at least one month.
func Overlap(a, b dataset.Period) bool { return a.From <= b.To && b.From <= a.To }

// Pairs compares the figures of every indicator that has figures for both
// Chongqing and Sichuan: every pair with overlapping periods, the
// comparable first, then those with a caveat, then the rest, each in
// order of period.
func Pairs(d *dataset.Dataset) []*Group {
	var out []*Group
	for _, in := range d.Indicators {
		var cq, sc []*dataset.Figure
		for _, f := range d.Numbers(in) { // each number once
			switch f.Region {
			case "chongqing":
				cq = append(cq, f)
			case "sichuan":
				sc = append(sc, f)
			}
		}
		g := &Group{Indicator: in}
		for _, a := range cq {
			for _, b := range sc {
				if !Overlap(a.Period, b.Period) {
					continue
				}
				v, reasons := Judge(a, b)
				g.Pairs = append(g.Pairs, &Pair{Chongqing: a, Sichuan: b, Verdict: v, Reasons: reasons})
			}
		}
		sort.SliceStable(g.Pairs, func(i, j int) bool {
			a, b := g.Pairs[i], g.Pairs[j]
			switch {
			case a.Verdict != b.Verdict:
				return a.Verdict < b.Verdict
			case a.Chongqing.Period.To != b.Chongqing.Period.To:
				return a.Chongqing.Period.To < b.Chongqing.Period.To
			}
			return a.Chongqing.ID+a.Sichuan.ID < b.Chongqing.ID+b.Sichuan.ID
		})
		if len(g.Pairs) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Difference states how the two values of a comparable pair differ, in
// lang, or "" where a difference is not meaningful: for a pair that is not
// comparable, for lower bounds or ranges, for ranks, or for values that
// are equal. Rates and shares differ in percentage points ("Chongqing's is
// 1.5 percentage points higher"); levels by a ratio ("Sichuan's is 2.3
// times Chongqing's").
func (p *Pair) Difference(lang string) string {
	if p.Verdict == NotComparable {
		return ""
	}
	for _, r := range p.Reasons {
		if r == CaveatLowerBounds || r == CaveatRange || r == CaveatApproximate {
			return ""
		}
	}
	a, b := p.Chongqing.ValueBase, p.Sichuan.ValueBase
	u := p.Chongqing.Unit
	if a == b || dataset.BaseUnits[u.Base].Rank {
		return ""
	}
	hiName, loName, hiZh, loZh := "Chongqing", "Sichuan", "重庆", "四川"
	if b > a {
		a, b = b, a
		hiName, loName, hiZh, loZh = loName, hiName, loZh, hiZh
	}
	if u.Base == "%" || u.Base == "个百分点" {
		d := dataset.FormatNumber(math.Round((a-b)*100) / 100)
		if lang == "zh" {
			return fmt.Sprintf("%s比%s高%s个百分点", hiZh, loZh, d)
		}
		points := "percentage points"
		if d == "1" {
			points = "percentage point"
		}
		return fmt.Sprintf("%s’s is %s %s higher than %s’s", hiName, d, points, loName)
	}
	if b <= 0 {
		return ""
	}
	r := dataset.FormatNumber(math.Round(a/b*10) / 10)
	if r == "1" {
		return ""
	}
	if lang == "zh" {
		return fmt.Sprintf("%s是%s的%s倍", hiZh, loZh, r)
	}
	return fmt.Sprintf("%s’s is %s times %s’s", hiName, r, loName)
}
