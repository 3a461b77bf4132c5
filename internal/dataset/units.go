package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Unit is a unit as written in a report, split into a multiplier prefix
// (万, 亿, 万亿) and either a true unit (元, %, 吨 …) or a measure word
// (家, 个, 条 …). A measure word is grammar, not a unit: 13条措施 counts
// measures and 45个集群 counts clusters, and what is counted belongs to
// the indicator (Indicator.Counts). Every measure word therefore has the
// same base, the plain count, so that 户 and 家 for firms chart and
// compare together.
//
// The base value of a figure is its written value times the multiplier,
// in the base unit: 4.5 万个 is 45000. Nothing is typed by hand.
type Unit struct {
	Written    string
	Multiplier float64
	Prefix     string // "", "万", "亿", "万亿"
	// Base is a key of BaseUnits: a true unit, or "" for a plain number
	// (a count, or an index such as 65).
	Base string
	// Measure is the measure word of a count ("家"), or "".
	Measure string
}

// BaseUnit is a true unit: how it is written in English and what kind of
// quantity it measures.
type BaseUnit struct {
	One, Other string // the English unit after 1 and after other numbers; "" for none
	Percent    bool   // a share or a rate (%)
	Rank       bool   // a place in a ranking (第4位, 全国第4)
	Money      bool
}

// BaseUnits are the true units the reports use, by their Chinese code.
var BaseUnits = map[string]BaseUnit{
	"":     {},
	"%":    {One: "%", Other: "%", Percent: true},
	"个百分点": {One: "percentage point", Other: "percentage points"},
	"元":    {One: "yuan", Other: "yuan", Money: true},
	"美元":   {One: "US dollar", Other: "US dollars", Money: true},
	"吨":    {One: "tonne", Other: "tonnes"},
	"千瓦时":  {One: "kWh", Other: "kWh"},
	"千瓦":   {One: "kW", Other: "kW"},
	"平方米":  {One: "m²", Other: "m²"},
	"亩":    {One: "mu", Other: "mu"},
	"年":    {One: "year", Other: "years"},
	"天":    {One: "day", Other: "days"},
	"个月":   {One: "month", Other: "months"},
	"倍":    {One: "times", Other: "times"},
	"位":    {Rank: true},
}

// MeasureWords are the measure words that count things in the reports:
// each gives a plain count, whose noun is the indicator's.
var MeasureWords = []string{"个", "家", "户", "项", "台", "套", "件", "辆", "部", "片", "条", "种", "次", "座", "所", "款", "批", "处", "级", "类", "轮", "份", "人", "名", "颗", "架", "艘", "只", "张", "栋"}

var prefixes = []struct {
	text string
	mul  float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}}

// ParseUnit splits a written unit. "" is a plain number. It fails for units
// it does not know.
func ParseUnit(s string) (Unit, error) {
	rest, prefix, mul := s, "", 1.0
	if _, known := BaseUnits[s]; !known {
		for _, p := range prefixes {
			if r, ok := strings.CutPrefix(s, p.text); ok {
				rest, prefix, mul = r, p.text, p.mul
				break
			}
		}
	}
	u := Unit{Written: s, Multiplier: mul, Prefix: prefix}
	switch {
	case isMeasureWord(rest):
		u.Measure = rest
	case knownBase(rest) && !(prefix != "" && BaseUnits[rest].Rank) && !(prefix != "" && BaseUnits[rest].Percent):
		u.Base = rest
	default:
		return Unit{}, fmt.Errorf("unknown unit %q", s)
	}
	return u, nil
}

func knownBase(s string) bool { _, ok := BaseUnits[s]; return ok }

func isMeasureWord(s string) bool {
	for _, m := range MeasureWords {
		if s == m {
			return true
		}
	}
	return false
}

// IsCount reports whether the unit counts things: a measure word, or a
// plain number with a multiplier (9089万).
func (u Unit) IsCount() bool { return u.Measure != "" || (u.Base == "" && u.Prefix != "") }

// Kind says what a unit measures, for matching a figure to its indicator:
// "count" for measure words, "" for a plain number, otherwise the base.
func (u Unit) Kind() string {
	if u.IsCount() {
		return "count"
	}
	return u.Base
}

// describe names what the unit measures, for messages.
func (u Unit) describe() string {
	switch {
	case u.IsCount():
		return "a count"
	case u.Base == "":
		return "a plain number"
	case u.Base == "%":
		return "per cent"
	case BaseUnits[u.Base].Rank:
		return "a rank"
	}
	return BaseUnits[u.Base].Other
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

// approximate drops the words that make a number approximate (余, 多).
var approximate = strings.NewReplacer("余", "", "多", "")

// traditional maps the Traditional forms of unit characters to the
// Simplified ones used in unit codes, so that units can be checked against
// quotes from a Traditional text.
var traditional = strings.NewReplacer("萬", "万", "億", "亿", "個", "个", "項", "项", "臺", "台", "戶", "户", "種", "种", "條", "条", "輛", "辆", "噸", "吨", "處", "处", "級", "级", "筆", "笔", "畝", "亩", "類", "类", "輪", "轮", "張", "张", "顆", "颗", "隻", "只", "棟", "栋", "百分點", "百分点", "千瓦時", "千瓦时")

// unitFollows reports whether the unit is written right after an occurrence
// of the value in the quote, allowing 余/多 (as in 4.5万余个) between. A
// plain number (no unit) always does.
func unitFollows(quote string, value float64, u Unit) bool {
	if u.Written == "" {
		return true
	}
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
		rest := approximate.Replace(q[numEnd:])
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
