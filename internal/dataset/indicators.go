package dataset

import (
	"fmt"
	"io/fs"
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
	ID              string `toml:"id"`
	NameZh          string `toml:"name_zh"`
	NameEn          string `toml:"name_en"`
	Unit            string `toml:"unit"`
	Category        string `toml:"category"`
	DefinitionZh    string `toml:"definition_zh"`
	DefinitionEn    string `toml:"definition_en"`
	ComparabilityZh string `toml:"comparability_zh"`
	ComparabilityEn string `toml:"comparability_en"`

	Pos     diag.Pos  `toml:"-"`
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

func loadIndicators(fsys fs.FS) ([]*Indicator, diag.List) {
	var raw struct {
		Indicator []*Indicator `toml:"indicator"`
	}
	f, errs := tomlx.Decode(fsys, IndicatorsPath, &raw)
	if f == nil {
		return nil, errs
	}
	seen := map[string]int{}
	for i, in := range raw.Indicator {
		at := func(key string) diag.Pos { return f.Pos("indicator", i, key) }
		in.Pos = f.Table("indicator", i)
		if !reID.MatchString(in.ID) {
			errs.Add(at("id"), "use lower-case letters, digits and hyphens", "indicator id %q is not kebab-case", in.ID)
		}
		if j, dup := seen[in.ID]; dup {
			errs.Add(at("id"), fmt.Sprintf("the first is at line %d", f.Table("indicator", j).Line), "indicator id %q is used twice", in.ID)
		}
		seen[in.ID] = i
		if !slices.Contains(Categories, in.Category) {
			errs.Add(at("category"), "use "+strings.Join(Categories, ", "), "unknown category %q", in.Category)
		}
		if _, err := ParseUnit(in.Unit); err != nil {
			errs.Add(at("unit"), "use a unit listed in docs/EDITING.md, such as %, 个, 家, 亿元", "%v", err)
		}
		for key, v := range map[string]string{"name_zh": in.NameZh, "name_en": in.NameEn, "definition_zh": in.DefinitionZh, "definition_en": in.DefinitionEn} {
			if strings.TrimSpace(v) == "" {
				errs.Add(at(key), "every indicator has a name and a definition in both languages", "indicator %s has no %s", in.ID, key)
			}
		}
	}
	return raw.Indicator, errs
}

// warnUnused reports indicators that no figure uses.
func (d *Dataset) warnUnused() diag.List {
	var l diag.List
	for _, in := range d.Indicators {
		if len(in.Figures) == 0 {
			l.Warn(in.Pos, "add a figure that uses it, or remove it", "indicator %q is not used by any figure", in.ID)
		}
	}
	return l
}
