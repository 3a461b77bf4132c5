package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Unit is a unit as written in a report, split into a multiplier prefix
// (万, 亿, 万亿) and a base unit (个, 元, %, …). The base value of a figure
// is its written value times the multiplier, in the base unit: 4.5 万个 is
// 45000 个. Nothing is typed by hand.
type Unit struct {
	Written    string
	Multiplier float64
	Prefix     string // "", "万", "亿", "万亿"
	Base       string // a key of BaseUnits; "" for a bare count (…万)
}

// BaseUnit describes a base unit in English; in Chinese the unit is shown as
// written.
type BaseUnit struct {
	En       string // noun after the number in English, "" for none
	Rank     bool   // a rank (全国第4), not a quantity
	Percent  bool   // a share or growth rate
	Currency bool
}

// BaseUnits are the base units the reports use.
var BaseUnits = map[string]BaseUnit{
	"":     {},
	"%":    {En: "%", Percent: true},
	"个百分点": {En: "percentage points"},
	"个":    {},
	"家":    {En: "firms"},
	"户":    {En: "firms"},
	"项":    {En: "items"},
	"台":    {En: "units"},
	"套":    {En: "sets"},
	"件":    {En: "items"},
	"辆":    {En: "vehicles"},
	"部":    {En: "units"},
	"片":    {En: "pieces"},
	"条":    {En: "chains"},
	"种":    {En: "kinds"},
	"次":    {En: "times"},
	"倍":    {En: "times"},
	"元":    {En: "yuan", Currency: true},
	"美元":   {En: "US dollars", Currency: true},
	"千瓦时":  {En: "kWh"},
	"千瓦":   {En: "kW"},
	"吨":    {En: "tonnes"},
	"位":    {En: "", Rank: true},
	"人":    {En: "people"},
	"名":    {En: "people"},
	"座":    {En: "sites"},
	"所":    {En: "institutions"},
	"款":    {En: "models"},
	"批":    {En: "batches"},
	"平方米":  {En: "m²"},
	"亩":    {En: "mu"},
	"年":    {En: "years"},
	"天":    {En: "days"},
	"个月":   {En: "months"},
	"处":    {En: "sites"},
	"级":    {En: "levels"},
	"类":    {En: "categories"},
	"轮":    {En: "rounds"},
	"份":    {En: "copies"},
}

var prefixes = []struct {
	text string
	mul  float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}}

// ParseUnit splits a written unit. It fails for units it does not know.
func ParseUnit(s string) (Unit, error) {
	if _, ok := BaseUnits[s]; ok && s != "" {
		return Unit{Written: s, Multiplier: 1, Base: s}, nil
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p.text); ok {
			if _, known := BaseUnits[rest]; known {
				return Unit{Written: s, Multiplier: p.mul, Prefix: p.text, Base: rest}, nil
			}
		}
	}
	return Unit{}, fmt.Errorf("unknown unit %q", s)
}

// BaseValue converts a written value to the base unit, rounded to the
// precision the written value had, so that 4.5 万 is 45000 exactly.
func (u Unit) BaseValue(v float64) float64 {
	x := v * u.Multiplier
	return math.Round(x*1e6) / 1e6
}

// numberTokens returns the numbers written in digits in s, as written.
func numberTokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s + " " {
		digit := r >= '0' && r <= '9'
		if digit || (r == '.' && start >= 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

// FormatNumber writes v with the fewest digits that represent it.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// traditional maps the Traditional forms of unit characters to the
// Simplified ones used in unit codes, so that units can be checked against
// quotes from a Traditional text.
var traditional = strings.NewReplacer("萬", "万", "億", "亿", "個", "个", "項", "项", "臺", "台", "戶", "户", "種", "种", "條", "条", "輛", "辆", "噸", "吨", "處", "处", "級", "级", "筆", "笔", "倍", "倍", "畝", "亩")

// unitFollows reports whether the unit is written right after an occurrence
// of the value in the quote, allowing 余/多 (as in 4.5万余个) between.
func unitFollows(quote string, value float64, u Unit) bool {
	q := traditional.Replace(quote)
	for i := 0; i < len(q); {
		j := indexNumber(q, i, value)
		if j < 0 {
			return false
		}
		numEnd := j + len(numberAt(q, j))
		if BaseUnits[u.Base].Rank && (strings.HasSuffix(q[:j], "第") || strings.HasPrefix(q[numEnd:], "位")) {
			return true
		}
		rest := strings.NewReplacer("余", "", "多", "").Replace(q[numEnd:])
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, u.Written) {
			return true
		}
		i = numEnd
	}
	return false
}

// indexNumber finds, from byte i on, the start of a number equal to value,
// or -1. A minus sign belongs to the number when no digit stands before it
// (由2月份-5.2%), not in a range (2-3家).
func indexNumber(q string, from int, value float64) int {
	for i := from; i < len(q); i++ {
		if !isDigit(q[i]) || (i > 0 && (isDigit(q[i-1]) || q[i-1] == '.')) {
			continue
		}
		end := len(numberAt(q, i))
		f, err := strconv.ParseFloat(q[i:i+end], 64)
		if err != nil {
			continue
		}
		if i > 0 && q[i-1] == '-' && (i < 2 || !isDigit(q[i-2])) {
			if -f == value {
				return i - 1
			}
			continue
		}
		if f == value {
			return i
		}
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberAt returns the number written at byte i of s, with its sign.
func numberAt(s string, i int) string {
	end := i
	if end < len(s) && s[end] == '-' {
		end++
	}
	for end < len(s) && (isDigit(s[end]) || s[end] == '.' && end+1 < len(s) && isDigit(s[end+1])) {
		end++
	}
	return s[i:end]
}

// English describes the unit in English: "%", "firms", "100 million yuan".
func (u Unit) English() string {
	b := BaseUnits[u.Base]
	noun := b.En
	switch {
	case b.Rank:
		noun = "rank"
	case noun == "":
		noun = "count"
	}
	prefix := map[string]string{"万": "10,000", "亿": "100 million", "万亿": "trillion"}[u.Prefix]
	if prefix == "" {
		return noun
	}
	return prefix + " " + noun
}
