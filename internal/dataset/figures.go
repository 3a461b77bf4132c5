package dataset

import (
	"fmt"
	"io/fs"
	"math"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// FiguresDir holds one TOML file of figures per report (or any grouping an
// editor likes: all *.toml files are read, in name order).
const FiguresDir = "data/figures"

// Figure is one number quoted from a report.
type Figure struct {
	ID          string  `toml:"id"`
	IndicatorID string  `toml:"indicator"`
	Region      string  `toml:"region"`
	PeriodRaw   string  `toml:"period"`
	Kind        string  `toml:"kind"`
	Value       float64 `toml:"value"`
	UnitRaw     string  `toml:"unit"`
	Qualifier   string  `toml:"qualifier"`
	Cumulative  bool    `toml:"cumulative"`
	ReportID    string  `toml:"report"`
	Quote       string  `toml:"quote"`

	// Written is the value as the quote writes it ("4.0" where value is 4).
	Written   string     `toml:"-"`
	Period    Period     `toml:"-"`
	Unit      Unit       `toml:"-"`
	ValueBase float64    `toml:"-"`
	Report    *Report    `toml:"-"`
	Indicator *Indicator `toml:"-"`
	Match     Match      `toml:"-"` // where the quote is in the report
	Pos       diag.Pos   `toml:"-"`
}

// Kinds of figure.
const (
	Actual   = "actual"
	Expected = "expected"
	Target   = "target"
)

// FigureKinds lists the kinds in display order.
var FigureKinds = []string{Actual, Expected, Target}

// Qualifiers lists the allowed qualifiers: over for 超过/突破/以上/余, about for
// 约/左右.
var Qualifiers = []string{"", "over", "about"}

// Paragraph is the anchor id of the block the figure's quote is in.
func (f *Figure) Paragraph() string { return f.Match.Block.ID }

func loadFigures(fsys fs.FS, d *Dataset) ([]*Figure, diag.List) {
	var errs diag.List
	names, err := fs.Glob(fsys, path.Join(FiguresDir, "*.toml"))
	if err != nil {
		errs.Append(err)
	}
	sort.Strings(names)
	seen := map[string]diag.Pos{}
	var out []*Figure
	decoded := decodeAll(fsys, names)
	for k := range names {
		raw, f, e := decoded[k].raw, decoded[k].file, decoded[k].errs
		errs = append(errs, e...)
		if f == nil {
			continue
		}
		for i, fig := range raw.Figure {
			fig.Pos = f.Table("figure", i)
			at := func(key string) diag.Pos { return f.Pos("figure", i, key) }
			if fe := d.checkFigure(fig, at); len(fe) > 0 {
				errs = append(errs, fe...)
			}
			if p, dup := seen[fig.ID]; dup {
				errs.Add(at("id"), "figure ids are unique across all files; the first is at "+p.String(), "figure id %q is used twice", fig.ID)
				continue
			}
			seen[fig.ID] = at("id")
			out = append(out, fig)
			if fig.Indicator != nil {
				fig.Indicator.Figures = append(fig.Indicator.Figures, fig)
			}
		}
	}
	return out, errs
}

type decodedFigures struct {
	raw struct {
		Figure []*Figure `toml:"figure"`
	}
	file *tomlx.File
	errs diag.List
}

// decodeAll decodes the figure files on every core; they are independent,
// and decoding is most of the time spent on them.
func decodeAll(fsys fs.FS, names []string) []decodedFigures {
	out := make([]decodedFigures, len(names))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			d := &out[i]
			d.file, d.errs = tomlx.Decode(fsys, name, &d.raw)
		}()
	}
	wg.Wait()
	return out
}

// checkFigure validates one figure and fills in what is derived from it.
func (d *Dataset) checkFigure(fig *Figure, at func(string) diag.Pos) diag.List {
	var errs diag.List
	if !reID.MatchString(fig.ID) {
		errs.Add(at("id"), "use lower-case letters, digits and hyphens, e.g. cq-2020-ind-va-growth", "figure id %q is not kebab-case", fig.ID)
	}
	if fig.Indicator = d.Indicator(fig.IndicatorID); fig.Indicator == nil {
		errs.Add(at("indicator"), "add it to "+IndicatorsPath+" or use an existing id"+suggest(fig.IndicatorID, d.indicatorIDs()), "unknown indicator %q", fig.IndicatorID)
	}
	if _, ok := RegionByID(fig.Region); !ok {
		errs.Add(at("region"), "use "+strings.Join(RegionIDs(), ", "), "unknown region %q", fig.Region)
	}
	if !slices.Contains(FigureKinds, fig.Kind) {
		errs.Add(at("kind"), "use actual, expected (预计/有望) or target (力争, plans)", "unknown kind %q", fig.Kind)
	}
	if !slices.Contains(Qualifiers, fig.Qualifier) {
		errs.Add(at("qualifier"), `use "" , "over" (超过/突破/以上/余) or "about" (约/左右)`, "unknown qualifier %q", fig.Qualifier)
	}
	p, err := ParsePeriod(fig.PeriodRaw)
	if err != nil {
		errs.Add(at("period"), "e.g. \"2020\", \"2020-01..2020-11\" or \"2021..2025\"", "%v", err)
	}
	fig.Period = p
	u, err := ParseUnit(fig.UnitRaw)
	if err != nil {
		errs.Add(at("unit"), "write the unit as in the quote, e.g. %, 万个, 亿元; docs/EDITING.md lists them", "%v", err)
	} else {
		fig.Unit = u
		fig.ValueBase = u.BaseValue(fig.Value)
	}
	if math.IsNaN(fig.Value) || math.IsInf(fig.Value, 0) {
		errs.Add(at("value"), "", "value is not a number")
	}
	if fig.Report = d.Report(fig.ReportID); fig.Report == nil {
		errs.Add(at("report"), "use an id from "+ReportsPath+suggest(fig.ReportID, d.reportIDs()), "unknown report %q", fig.ReportID)
		return errs
	}
	if fig.Report.text == nil {
		return errs // the report's seed did not parse; that error is reported
	}
	m, ok := fig.Report.text.find(fig.Quote)
	if !ok {
		hint := "copy the quote character for character from the report"
		if id, near := fig.Report.text.nearest(fig.Quote); id != "" {
			hint = fmt.Sprintf("the closest text is in %s: %q", id, near)
		}
		errs.Add(at("quote"), hint, "quote not found in report %s", fig.ReportID)
		return errs
	}
	fig.Match = m
	written := FormatNumber(fig.Value)
	fig.Written = written
	if i := indexNumber(fig.Quote, 0, fig.Value); i >= 0 {
		fig.Written = numberAt(fig.Quote, i)
	}
	if !containsNumber(fig.Quote, fig.Value) {
		errs.Add(at("value"), "value is the number as written in the quote: "+strings.Join(numberTokens(fig.Quote), ", "), "value %s does not occur in the quote", written)
	} else if err == nil && !unitFollows(fig.Quote, fig.Value, u) {
		errs.Add(at("unit"), "the unit is what the quote writes right after the number", "unit %q does not follow %s in the quote", fig.UnitRaw, written)
	}
	return errs
}

func containsNumber(quote string, v float64) bool { return indexNumber(quote, 0, v) >= 0 }

func (d *Dataset) indicatorIDs() []string {
	var ids []string
	for _, in := range d.Indicators {
		ids = append(ids, in.ID)
	}
	return ids
}

func (d *Dataset) reportIDs() []string {
	var ids []string
	for _, r := range d.Reports {
		ids = append(ids, r.ID)
	}
	return ids
}

// suggest returns ", did you mean X?" for the known id closest to id, if any
// is close.
func suggest(id string, known []string) string {
	best, bestD := "", 4
	for _, k := range known {
		if dist := editDistance(id, k); dist < bestD {
			best, bestD = k, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
