package dataset

import (
	"math"
	"strings"
)

// Display formats the figure's value for a language: in Chinese as the
// report writes it (超过4.5万个), in English in the base unit with
// thousands, millions and billions (over 45,000).
func (f *Figure) Display(lang string) string {
	if lang == "zh" {
		v := f.written() + f.Unit.Written
		if BaseUnits[f.Unit.Base].Rank {
			v = "第" + f.written() + "位"
		}
		switch f.Qualifier {
		case "over":
			return "超过" + v
		case "about":
			return "约" + v
		}
		return v
	}
	v := f.EnglishValue()
	switch f.Qualifier {
	case "over":
		return "over " + v
	case "about":
		return "about " + v
	}
	return v
}

// EnglishValue is the value and unit in English, without qualifier: "5.5%",
// "45,000", "753 billion yuan", "No. 4".
func (f *Figure) EnglishValue() string {
	b := BaseUnits[f.Unit.Base]
	switch {
	case b.Rank:
		return "No. " + f.written()
	case b.Percent:
		return f.written() + "%"
	case f.Unit.Multiplier == 1:
		s := groupThousands(f.written())
		if b.En != "" {
			s += " " + b.En
		}
		return s
	}
	s := FormatEnglish(f.ValueBase)
	if b.En != "" {
		s += " " + b.En
	}
	return s
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

// EnglishNumber is the number alone as the English edition writes it —
// 5.5%, 45,000, 753 billion, 4 — which a translation of the figure's
// sentence must contain.
func (f *Figure) EnglishNumber() string {
	b := BaseUnits[f.Unit.Base]
	switch {
	case b.Rank:
		return f.written()
	case b.Percent:
		return f.written() + "%"
	case f.Unit.Multiplier == 1 && f.ValueBase < 1e6:
		return groupThousands(f.written())
	}
	return FormatEnglish(f.ValueBase)
}

// written is the value as the report writes it.
func (f *Figure) written() string {
	if f.Written != "" {
		return f.Written
	}
	return FormatNumber(f.Value)
}
