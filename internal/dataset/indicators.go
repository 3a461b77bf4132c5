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
// added or the number of smart factories.
type Indicator struct {
	tomlx.Table
	ID              string `toml:"id"`
	NameZh          string `toml:"name_zh"`
	NameEn          string `toml:"name_en"`
	Unit            string `toml:"unit"`
	Category        string `toml:"category"`
	DefinitionZh    string `toml:"definition_zh"`
	DefinitionEn    string `toml:"definition_en"`
	ComparabilityZh string `toml:"comparability_zh"`
	ComparabilityEn string `toml:"comparability_en"`

	Figures []*Figure `toml:"-"` // in the order of the figure files
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
		if !reID.MatchString(in.ID) {
			errs.Add(in.At("id"), "use lower-case letters, digits and hyphens", "indicator id %q is not kebab-case", in.ID)
		}
		if first, dup := seen[in.ID]; dup {
			errs.Add(in.At("id"), "the first is at "+first.At("id").String(), "indicator id %q is used twice", in.ID)
		}
		if !slices.Contains(Categories, in.Category) {
			errs.Add(in.At("category"), "use "+strings.Join(Categories, ", "), "unknown category %q", in.Category)
		}
		if _, err := ParseUnit(in.Unit); err != nil {
			errs.Add(in.At("unit"), "use a unit listed in docs/EDITING.md, such as %, 个, 家, 亿元", "%v", err)
		}
		for _, f := range []struct{ key, v string }{{"name_zh", in.NameZh}, {"name_en", in.NameEn}, {"definition_zh", in.DefinitionZh}, {"definition_en", in.DefinitionEn}} {
			if strings.TrimSpace(f.v) == "" {
				errs.Add(in.At(f.key), "every indicator has a name and a definition in both languages", "indicator %s has no %s", in.ID, f.key)
			}
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
