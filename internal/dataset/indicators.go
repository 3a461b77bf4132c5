package dataset

import (
	"slices"
	"strings"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// IndicatorsPath is the file that lists the indicators.
const IndicatorsPath = "data/indicators.toml"

// Indicator is one measured thing, such as the growth of industrial value
// added or the number of smart factories. An indicator that counts things
// says what it counts, in both languages: the measure word of a figure (家,
// 个, 条) only counts, the indicator names the thing (firms, clusters,
// measures).
type Indicator struct {
	tomlx.Table
	ID             string `toml:"id"`
	NameZh         string `toml:"name_zh"`
	NameEn         string `toml:"name_en"`
	UnitRaw        string `toml:"unit"`
	CountsZh       string `toml:"counts_zh"`
	CountsEn       string `toml:"counts_en"`        // singular: "firm"
	CountsEnPlural string `toml:"counts_en_plural"` // plural: "firms"
	Direction      string `toml:"direction"`
	// RateOfChange marks an indicator whose values are rates of change over
	// each figure's period (增长…%, 下降…%): growth, not a level at a point
	// in time. A target for it is met by the rate of its own period.
	RateOfChange    bool   `toml:"rate_of_change"`
	Category        string `toml:"category"`
	DefinitionZh    string `toml:"definition_zh"`
	DefinitionEn    string `toml:"definition_en"`
	ComparabilityZh string `toml:"comparability_zh"`
	ComparabilityEn string `toml:"comparability_en"`

	Unit Unit `toml:"-"`
}

// Directions say which way an indicator is better: higher (output,
// innovation), lower (energy intensity, costs), or none (neither is better
// in itself, as for a count of documents).
var Directions = []string{"higher", "lower", "none"}

// Counts returns the noun for what the indicator counts in lang, for n of
// them ("firm" or "firms"); "" for an indicator that does not count.
func (in *Indicator) Counts(lang string, one bool) string {
	switch {
	case lang == "zh":
		return in.CountsZh
	case one:
		return in.CountsEn
	}
	return in.CountsEnPlural
}

// resolve gives a figure's unit the indicator's unit where the quote writes
// none (1万亿 of an indicator in 元 is 1万亿元).
func (in *Indicator) resolve(u Unit) Unit {
	if u.Base == "" && u.Measure == "" {
		u.Base, u.Measure = in.Unit.Base, in.Unit.Measure
	}
	return u
}

// Name returns the indicator's name in lang.
func (in *Indicator) Name(lang string) string { return pick(lang, in.NameZh, in.NameEn) }

// Definition returns the definition in lang.
func (in *Indicator) Definition(lang string) string {
	return pick(lang, in.DefinitionZh, in.DefinitionEn)
}

// Comparability returns the comparability notes in lang.
func (in *Indicator) Comparability(lang string) string {
	return pick(lang, in.ComparabilityZh, in.ComparabilityEn)
}

// Categories are the indicator categories, in display order.
var Categories = []string{"economy", "sectors", "products", "innovation", "digital", "green", "enterprises", "investment", "open-economy", "business-environment"}

// indicators reads data/indicators.toml. An indicator with any error is
// left out, and recorded so that figures naming it follow from its error.
func (l *loader) indicators() []*Indicator {
	var raw struct {
		Indicator []*Indicator `toml:"indicator"`
	}
	top, errs := tomlx.Decode(l.fsys, IndicatorsPath, &raw)
	l.errs = append(l.errs, errs...)
	if top == nil {
		l.d.fileFailed["indicator"] = errs.First()
		return nil
	}
	seen := map[string]*Indicator{}
	var out []*Indicator
	for _, in := range raw.Indicator {
		if err := in.Err(); err != nil {
			l.drop("indicator", in.ID, err)
			continue
		}
		var errs diag.List
		if !validID(in.ID) {
			errs.Add(in.At("id"), "use lower-case letters, digits and hyphens", "indicator id %q is not kebab-case", in.ID)
		}
		if first, dup := seen[in.ID]; dup {
			errs.Add(in.At("id"), "the first is at "+first.At("id").String(), "indicator id %q is used twice", in.ID)
		}
		if !slices.Contains(Categories, in.Category) {
			errs.Add(in.At("category"), "use "+strings.Join(Categories, ", "), "unknown category %q", in.Category)
		}
		var err error
		if in.Unit, err = ParseUnit(in.UnitRaw); err != nil {
			errs.Add(in.At("unit"), "use a unit listed in docs/EDITING.md, such as %, 亿元, 个百分点, or a measure word such as 个 or 家 for a count", "%v", err)
		} else if in.Unit.Prefix != "" && in.Unit.Base != "元" && in.Unit.Base != "美元" {
			errs.Add(in.At("unit"), "write the unit without 万 or 亿 (亿元 for money is fine): figures may use any multiple", "indicator unit %q has a multiplier", in.UnitRaw)
		}
		counts := in.Unit.IsCount() || in.Unit.Measure != ""
		names := []struct{ key, v string }{{"counts_zh", in.CountsZh}, {"counts_en", in.CountsEn}, {"counts_en_plural", in.CountsEnPlural}}
		for _, f := range names {
			switch blank := strings.TrimSpace(f.v) == ""; {
			case counts && blank:
				errs.Add(in.At(f.key), "an indicator that counts things names them: counts_zh = \"企业\", counts_en = \"firm\", counts_en_plural = \"firms\"",
					"indicator %s counts things (its unit %q is a measure word) but has no %s", in.ID, in.UnitRaw, f.key)
			case !counts && !blank && err == nil:
				errs.Add(in.At(f.key), "counts_zh, counts_en and counts_en_plural belong to indicators whose unit is a measure word such as 个 or 家",
					"indicator %s does not count things (its unit is %q), but has %s", in.ID, in.UnitRaw, f.key)
			}
		}
		if in.RateOfChange && in.Unit.Base != "%" && in.Unit.Base != "个百分点" {
			errs.Add(in.At("rate_of_change"), "only an indicator in % or percentage points is a rate of change (增长…%)", "indicator %s is a rate of change, but its unit is %q", in.ID, in.UnitRaw)
		}
		if !slices.Contains(Directions, in.Direction) {
			errs.Add(in.At("direction"), "use higher (more is better), lower (less is better, as for energy intensity) or none", "indicator %s: unknown direction %q", in.ID, in.Direction)
		}
		l.errs = append(l.errs, errs...)
		if len(errs) > 0 {
			if seen[in.ID] == nil {
				l.drop("indicator", in.ID, errs[0])
			}
			continue
		}
		seen[in.ID] = in
		out = append(out, in)
	}
	return out
}

// warnUnusedIndicators reports indicators that no figure names.
func (l *loader) warnUnusedIndicators() {
	for _, in := range l.d.Indicators {
		if !l.referenced[in.ID] {
			l.errs.Warn(in.Header(), "add a figure that uses it, or remove it", "indicator %q is not used by any figure", in.ID)
		}
	}
}
