package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"reportsite/internal/diag"
	"reportsite/internal/memo"
	"reportsite/internal/tomlx"
)

// FiguresDir holds one TOML file of figures per report (or any grouping an
// editor likes: all *.toml files are read, in name order).
const FiguresDir = "data/figures"

// Figure is one number quoted from a report: a level (the default), a
// range (1—2家, with Upper), a rate per period (每年100个, with Per) or a
// change (提升4位, with Change), in the period the text gives or, where it
// gives none, the editor's reading of it (PeriodInferred, with a note).
type Figure struct {
	tomlx.Table
	ID             string  `toml:"id"`
	IndicatorID    string  `toml:"indicator"`
	Region         string  `toml:"region"`
	PeriodRaw      string  `toml:"period"`
	PeriodInferred bool    `toml:"period_inferred"`
	PeriodNoteZh   string  `toml:"period_note_zh"`
	PeriodNoteEn   string  `toml:"period_note_en"`
	Kind           string  `toml:"kind"`
	Value          float64 `toml:"value"`
	Upper          float64 `toml:"value_upper"`
	UnitRaw        string  `toml:"unit"`
	Qualifier      string  `toml:"qualifier"`
	Per            string  `toml:"per"`
	Change         string  `toml:"change"`
	Cumulative     bool    `toml:"cumulative"`
	ReportID       string  `toml:"report"`
	Quote          string  `toml:"quote"`

	// Written is the value as the quote writes it ("4.0" where value is 4),
	// WrittenUpper the upper value of a range.
	Written, WrittenUpper string     `toml:"-"`
	IsRange               bool       `toml:"-"`
	Period                Period     `toml:"-"`
	Unit                  Unit       `toml:"-"` // with the indicator's unit where the quote writes none
	ValueBase             float64    `toml:"-"`
	UpperBase             float64    `toml:"-"`
	Report                *Report    `toml:"-"`
	Indicator             *Indicator `toml:"-"`
	Match                 Match      `toml:"-"` // where the quote is in the report
	key                   string
	stamp, instance, name uint64 // see Dataset.Stamp, Instance and Name
}

// Kinds of figure.
const (
	Actual   = "actual"
	Expected = "expected"
	Target   = "target"
)

// FigureKinds lists the kinds in display order.
var FigureKinds = []string{Actual, Expected, Target}

// Qualifiers lists the allowed qualifiers: over for 超过, 突破, 超, 余, 多
// (more than the value); at-least for 以上, 不低于, 不少于 (the value or
// more); about for 约, 左右, 近.
var Qualifiers = []string{"", "over", "at-least", "about"}

// Pers lists the periods a rate may be given per: 每年 (a year), 每月.
var Pers = []string{"", "year", "month"}

// Changes lists the directions of a change: 提升, 提高, 增加 (up); 下降,
// 减少, 降低 (down). "" is a level, not a change.
var Changes = []string{"", "up", "down"}

// Key is what makes two figures the same number: a figure quoted again in
// another report (or another sentence) has the same key. Charts, tables,
// comparisons and targets show a number once, with all its sources.
func (f *Figure) Key() string {
	if f.key == "" { // a figure made outside Load, as in tests
		return f.makeKey()
	}
	return f.key
}

func (f *Figure) makeKey() string {
	return fmt.Sprintf("%s|%s|%s|%s|%v|%v|%v|%s|%s|%t|%s|%s", f.IndicatorID, f.Region, f.PeriodRaw, f.Kind,
		f.ValueBase, f.IsRange, f.UpperBase, f.Unit.Kind(), f.Qualifier, f.Cumulative, f.Per, f.Change)
}

// PeriodNote returns the editor's note on the figure's period in lang.
func (f *Figure) PeriodNote(lang string) string { return pick(lang, f.PeriodNoteZh, f.PeriodNoteEn) }

// Paragraph is the anchor id of the block the figure's quote is in.
func (f *Figure) Paragraph() string { return f.Match.Block.ID }

// figures reads every file of data/figures/ and checks each figure, and
// returns those kept in file order and by id. A figure with any error is
// left out.
func (l *loader) figures() ([]*Figure, map[string]*Figure) {
	names, err := fs.Glob(l.fsys, path.Join(FiguresDir, "*.toml"))
	if err != nil {
		l.errs.Append(err)
	}
	sort.Strings(names)
	// Each file is decoded and its figures checked on every core; then the
	// results are taken in file order.
	files := make([]decodedFigures, len(names))

	// A file is checked against the reports and indicators: its key holds
	// their versions.
	against := fmt.Sprintf("reports %d indicators %d", l.reportsVersion, l.indicatorsVersion)
	diag.Each(len(names), "loading the data", func(i int) {
		files[i], _ = memo.Get(l.memo, "figures "+names[i], l.memo.Files(l.fsys, names[i])+against, func() (decodedFigures, bool) {
			var d decodedFigures
			_, d.errs = tomlx.Decode(l.fsys, names[i], &d.raw)
			d.checks = make([]diag.List, len(d.raw.Figure))
			instance := l.memo.Serial()
			for k, fig := range d.raw.Figure {
				if fig.Err() == nil {
					l.checkFigure(fig, &d.checks[k])
					fig.key = fig.makeKey()
					if l.memo != nil { // a build without a memo has no use for them
						fig.stamp = l.memo.Sum(against, fig.entry())
						fig.name = l.memo.Sum(fig.ID, fig.IndicatorID)
					}
					fig.instance = instance
				}
			}
			return d, !d.errs.Internal()
		})
	}, func(i int, e *diag.Error) { files[i].errs = append(files[i].errs, e) })
	n := 0
	for _, file := range files {
		n += len(file.raw.Figure)
	}
	seen := make(map[string]*Figure, n)
	out := make([]*Figure, 0, n)
	for _, file := range files {
		l.errs = append(l.errs, file.errs...)
		for k, fig := range file.raw.Figure {
			l.referenced[fig.IndicatorID] = true
			if err := fig.Err(); err != nil {
				l.drop("figure", fig.ID, err)
				continue
			}
			errs := file.checks[k]
			if first, dup := seen[fig.ID]; dup {
				errs.Add(fig.At("id"), "figure ids are unique across all files; the first is at "+first.At("id").String(), "figure id %q is used twice", fig.ID)
			}
			l.errs = append(l.errs, errs...)
			if len(errs) > 0 {
				if seen[fig.ID] == nil {
					l.drop("figure", fig.ID, errs[0])
				}
				continue
			}
			seen[fig.ID] = fig
			out = append(out, fig)
		}
	}
	return out, seen
}

// decodedFigures is one file of figures, decoded and checked.
type decodedFigures struct {
	raw struct {
		Figure []*Figure `toml:"figure"`
	}
	errs   diag.List   // the file's own: syntax, types, keys
	checks []diag.List // each figure's
}

// entry is what a figure's entry in its file says, as text (for its
// Stamp: the figure is the same as long as this and what it was checked
// against are).
func (f *Figure) entry() string {
	return fmt.Sprintf("%q %q %q %q %v %q %q %q %v %v %v %q %q %q %q %v %q %q", f.ID, f.IndicatorID, f.Region, f.PeriodRaw, f.PeriodInferred, f.PeriodNoteZh, f.PeriodNoteEn,
		f.Kind, f.Value, f.Upper, f.IsRange, f.UnitRaw, f.Qualifier, f.Per, f.Change, f.Cumulative, f.ReportID, f.Quote)
}

// errUnitFit marks a unit that does not fit the figure's indicator, an
// error reported once.
var errUnitFit = errors.New("unit does not fit the indicator")

// MaxQuote is the longest quote a figure may have, in characters: a quote
// is the clause that makes a number understandable, not a paragraph.
const MaxQuote = 300

// checkFigure validates one figure and fills in what is derived from it.
func (l *loader) checkFigure(fig *Figure, errs *diag.List) {
	d := l.d
	if !validID(fig.ID) {
		errs.Add(fig.At("id"), "use lower-case letters, digits and hyphens, e.g. cq-2020-ind-va-growth", "figure id %q is not kebab-case", fig.ID)
	}
	if fig.Indicator = d.Indicator(fig.IndicatorID); fig.Indicator == nil {
		if why := d.Why("indicator", fig.IndicatorID); why != nil {
			errs.Follow(why, fig.At("indicator"), "", "indicator %q did not load", fig.IndicatorID)
		} else {
			errs.Add(fig.At("indicator"), "add it to "+IndicatorsPath+" or use an existing id"+suggest(fig.IndicatorID, d.indicatorIDs()), "unknown indicator %q", fig.IndicatorID)
		}
	}
	if _, ok := RegionByID(fig.Region); !ok {
		errs.Add(fig.At("region"), "use "+strings.Join(RegionIDs(), ", "), "unknown region %q", fig.Region)
	}
	if !slices.Contains(FigureKinds, fig.Kind) {
		errs.Add(fig.At("kind"), "use actual, expected (预计/有望) or target (力争, plans)", "unknown kind %q", fig.Kind)
	}
	if !slices.Contains(Qualifiers, fig.Qualifier) {
		errs.Add(fig.At("qualifier"), `use "" , "over" (超过/突破/余), "at-least" (以上/不低于) or "about" (约/左右)`, "unknown qualifier %q", fig.Qualifier)
	}
	if !slices.Contains(Pers, fig.Per) {
		errs.Add(fig.At("per"), `use "year" for 每年 or "month" for 每月, or leave it out`, "unknown per %q", fig.Per)
	}
	if !slices.Contains(Changes, fig.Change) {
		errs.Add(fig.At("change"), `use "up" (提升, 提高, 增加) or "down" (下降, 减少), or leave it out for a level`, "unknown change %q", fig.Change)
	}
	p, err := ParsePeriod(fig.PeriodRaw)
	if err != nil {
		errs.Add(fig.At("period"), "e.g. \"2020\", \"2020-01..2020-11\" or \"2021..2025\"", "%v", err)
	}
	fig.Period = p
	if fig.PeriodInferred && (strings.TrimSpace(fig.PeriodNoteZh) == "" || strings.TrimSpace(fig.PeriodNoteEn) == "") {
		errs.Add(fig.At("period_inferred"), "say in period_note_zh and period_note_en why the period is read so", "the period is the editor's reading, but has no note")
	}
	u, uerr := ParseUnit(fig.UnitRaw)
	if uerr != nil {
		errs.Add(fig.At("unit"), "write the unit as in the quote, e.g. %, 万个, 亿元; docs/EDITING.md lists them", "%v", uerr)
	}
	for key, v := range map[string]float64{"value": fig.Value, "value_upper": fig.Upper} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			errs.Add(fig.At(key), "", "%s is not a number", key)
		}
	}
	if fig.IsRange = fig.Has("value_upper"); fig.IsRange && !(fig.Upper > fig.Value) {
		errs.Add(fig.At("value_upper"), "a range 1—2家 has value = 1 and value_upper = 2", "value_upper %s is not above value %s", FormatNumber(fig.Upper), FormatNumber(fig.Value))
	}
	if fig.Indicator != nil && uerr == nil {
		u = fig.Indicator.resolve(u)
		if ik := fig.Indicator.Unit.Kind(); u.Kind() != ik && !(fig.Change != "" && u.Base == "个百分点" && ik == "%") {
			uerr = errUnitFit
			errs.Add(fig.At("unit"), fmt.Sprintf("the indicator is measured in %s; use an indicator that measures this, or correct the unit", fig.Indicator.Unit.describe()),
				"unit %q (%s) does not fit indicator %s", fig.UnitRaw, u.describe(), fig.IndicatorID)
		}
	}
	fig.Unit = u
	fig.ValueBase, fig.UpperBase = u.BaseValue(fig.Value), u.BaseValue(fig.Upper)
	if fig.Report = d.Report(fig.ReportID); fig.Report == nil {
		if why := d.Why("report", fig.ReportID); why != nil {
			errs.Follow(why, fig.At("report"), "", "report %q did not load", fig.ReportID)
		} else {
			errs.Add(fig.At("report"), "use an id from "+ReportsPath+suggest(fig.ReportID, d.reportIDs()), "unknown report %q", fig.ReportID)
		}
		return
	}
	if n := utf8.RuneCountInString(fig.Quote); n > MaxQuote || strings.TrimSpace(fig.Quote) == "" {
		errs.Add(fig.At("quote"), fmt.Sprintf("quote the clause that holds the number, at most %d characters", MaxQuote), "quote is %s long", plural(n, "character", "characters"))
		return
	}
	m, ok := l.texts[fig.Report].find(fig.Quote)
	if !ok {
		errs.Add(fig.At("quote"), l.texts[fig.Report].closest(fig.Quote), "quote not found in report %s", fig.ReportID)
		return
	}
	fig.Match = m
	i := indexNumber(fig.Quote, 0, fig.Value)
	if i < 0 {
		errs.Add(fig.At("value"), "value is the number as written in the quote: "+strings.Join(numberTokens(fig.Quote), ", "), "value %s does not occur in the quote", FormatNumber(fig.Value))
		return
	}
	fig.Written = numberAt(fig.Quote, i)
	last := fig.Value // the number the unit follows: the upper value of a range
	if fig.IsRange {
		j := indexNumber(fig.Quote, i+len(fig.Written), fig.Upper)
		if j < 0 {
			errs.Add(fig.At("value_upper"), "value_upper is the second number of the range, as written: "+strings.Join(numberTokens(fig.Quote), ", "), "value_upper %s does not follow value in the quote", FormatNumber(fig.Upper))
			return
		}
		fig.WrittenUpper, last = numberAt(fig.Quote, j), fig.Upper
	}
	if uerr == nil && !unitFollows(fig.Quote, last, u) {
		errs.Add(fig.At("unit"), "the unit is what the quote writes right after the number", "unit %q does not follow %s in the quote", fig.UnitRaw, FormatNumber(last))
	}
}

func plural(n int, one, many string) string { return diag.Count(n, one, many) }

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
	if len(id) > 100 {
		return ""
	}
	best, bestD := "", 4
	for _, k := range known {
		if dist := tomlx.Distance(id, k); dist < bestD {
			best, bestD = k, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
