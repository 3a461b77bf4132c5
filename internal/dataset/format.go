package dataset

import (
	"math"
	"strings"

	"reportsite/internal/i18n"
)

// Display formats the figure's value for a language, saying what the
// figure is: in Chinese as the report writes it (超过4.5万个, 1—2家, 每年100个,
// 上升4位); in English in the base unit, with what is counted and in the
// number the count takes (over 45,000 firms, 1–2 firms, 100 new products a
// year, up 4 places, at least 1 innovation centre).
func (f *Figure) Display(lang string) string {
	if lang == "zh" {
		return f.chinese()
	}
	v := f.EnglishValue()
	switch f.Change {
	case "up":
		v = "up " + v
	case "down":
		v = "down " + v
	}
	switch f.Qualifier {
	case "over":
		v = "over " + v
	case "at-least":
		v = "at least " + v
	case "about":
		v = "about " + v
	}
	switch f.Per {
	case "year":
		v += " a year"
	case "month":
		v += " a month"
	}
	return v
}

func (f *Figure) chinese() string {
	num := f.written()
	if f.IsRange {
		num += "—" + f.writtenUpper()
	}
	rank := BaseUnits[f.Unit.Base].Rank
	v := num + f.UnitRaw
	switch {
	case rank && f.Change == "up":
		return "上升" + num + "位"
	case rank && f.Change == "down":
		return "下降" + num + "位"
	case rank:
		v = "第" + num + "位"
	case f.Change == "up":
		v = "提高" + v
	case f.Change == "down":
		v = "下降" + v
	}
	switch f.Qualifier {
	case "over":
		v = "超过" + v
	case "at-least":
		v += "以上"
	case "about":
		v = "约" + v
	}
	switch f.Per {
	case "year":
		v = "每年" + v
	case "month":
		v = "每月" + v
	}
	return v
}

// EnglishValue is the amount in English, without qualifier, change or
// rate: "5.5%", "45,000 firms", "1–2 firms", "753 billion yuan", "No. 4",
// "4 places".
func (f *Figure) EnglishValue() string {
	b := BaseUnits[f.Unit.Base]
	one := !f.IsRange && f.Unit.Multiplier == 1 && i18n.One("en", f.written())
	num := englishAmount(f.written(), f.ValueBase, f.Unit)
	if f.IsRange {
		num += "–" + englishAmount(f.writtenUpper(), f.UpperBase, f.Unit)
	}
	var noun string
	switch {
	case b.Rank && f.Change != "":
		noun = map[bool]string{true: "place", false: "places"}[one]
	case b.Rank:
		return "No. " + num
	case b.Percent:
		return num + "%"
	case f.Unit.IsCount() && f.Indicator != nil:
		noun = f.Indicator.Counts("en", one)
	case one:
		noun = b.One
	default:
		noun = b.Other
	}
	if noun == "" {
		return num
	}
	return num + " " + noun
}

// EnglishNumber is the number alone as the English edition writes it —
// 5.5%, 45,000, 753 billion, 4 — which a translation of the figure's
// sentence must contain. For a range it is the lower number.
func (f *Figure) EnglishNumber() string {
	n := englishAmount(f.written(), f.ValueBase, f.Unit)
	if BaseUnits[f.Unit.Base].Percent {
		return n + "%"
	}
	return n
}

// englishAmount writes a number as written, in thousands below a million,
// or in millions, billions and trillions when the report writes it with
// 万, 亿 or 万亿.
func englishAmount(written string, base float64, u Unit) string {
	switch {
	case BaseUnits[u.Base].Rank || BaseUnits[u.Base].Percent:
		return written
	case u.Multiplier == 1 && base < 1e6:
		return groupThousands(written)
	}
	return FormatEnglish(base)
}

// UnitLabel describes an indicator's unit for a language: in Chinese as
// written (with what is counted: 家（企业）), in English in words ("firms",
// "100 million yuan", "%", "rank").
func (in *Indicator) UnitLabel(lang string) string {
	u := in.Unit
	if lang == "zh" {
		if in.CountsZh != "" {
			return in.UnitRaw + "（" + in.CountsZh + "）"
		}
		return in.UnitRaw
	}
	b := BaseUnits[u.Base]
	noun := b.Other
	switch {
	case u.IsCount():
		noun = in.CountsEnPlural
	case b.Rank:
		noun = "rank"
	case u.Base == "":
		noun = "index (a number without a unit)"
	}
	prefix := map[string]string{"万": "10,000", "亿": "100 million", "万亿": "trillion"}[u.Prefix]
	if prefix == "" {
		return noun
	}
	return prefix + " " + noun
}

// A magnitude is a power of ten a language has a word for.
type magnitude struct {
	div  float64
	name string
}

var (
	englishMagnitudes = []magnitude{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}}
	chineseMagnitudes = []magnitude{{1e12, "万亿"}, {1e8, "亿"}, {1e4, "万"}}
)

// FormatEnglish writes a number the way the English edition does: with
// thousands separators below a million, and in millions, billions or
// trillions above.
func FormatEnglish(v float64) string {
	if s, ok := scaled(v, englishMagnitudes); ok {
		return s
	}
	return groupThousands(FormatNumber(round6(v)))
}

// FormatChinese writes a base value with 万/亿/万亿 for Chinese readers:
// 45000 → 4.5万.
func FormatChinese(v float64) string {
	if s, ok := scaled(v, chineseMagnitudes); ok {
		return s
	}
	return FormatNumber(round6(v))
}

// scaled writes v in the largest magnitude it reaches, if any.
func scaled(v float64, ms []magnitude) (string, bool) {
	for _, m := range ms {
		if math.Abs(v) >= m.div {
			return FormatNumber(round6(v/m.div)) + m.name, true
		}
	}
	return "", false
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

func groupThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if hasFrac {
		out += "." + frac
	}
	return out
}

// written is the value as the report writes it.
func (f *Figure) written() string {
	if f.Written != "" {
		return f.Written
	}
	return FormatNumber(f.Value)
}

func (f *Figure) writtenUpper() string {
	if f.WrittenUpper != "" {
		return f.WrittenUpper
	}
	return FormatNumber(f.Upper)
}
