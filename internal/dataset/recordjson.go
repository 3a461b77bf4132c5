package dataset

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// appendJSON appends the record as encoding/json writes it (without HTML
// escaping, as the exports are), field by field in FigureRecord's order,
// without reflection: figures.json holds every figure, 68,800 of them at
// 1,000 reports. TestRecordJSON holds it to encoding/json's output.
func (r *FigureRecord) appendJSON(b []byte) ([]byte, error) {
	var err error
	str := func(key, s string) {
		b = append(b, key...)
		b = appendJSONString(b, s)
	}
	num := func(key string, f float64) {
		b = append(b, key...)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			err = fmt.Errorf("figure %s: %s is %v, which JSON cannot hold", r.ID, key, f)
			b = append(b, "null"...)
			return
		}
		b = appendJSONNumber(b, f)
	}
	optional := func(key string, f *float64) {
		if f == nil {
			b = append(b, key...)
			b = append(b, "null"...)
			return
		}
		num(key, *f)
	}
	flag := func(key string, v bool) {
		b = append(b, key...)
		b = strconv.AppendBool(b, v)
	}
	str(`{"id":`, r.ID)
	str(`,"indicator":`, r.Indicator)
	str(`,"indicator_zh":`, r.IndicatorZh)
	str(`,"indicator_en":`, r.IndicatorEn)
	str(`,"region":`, r.Region)
	str(`,"period":`, r.Period)
	flag(`,"period_inferred":`, r.PeriodInferred)
	str(`,"period_note_zh":`, r.PeriodNoteZh)
	str(`,"period_note_en":`, r.PeriodNoteEn)
	str(`,"kind":`, r.Kind)
	num(`,"value":`, r.Value)
	optional(`,"value_upper":`, r.ValueUpper)
	str(`,"unit":`, r.Unit)
	num(`,"value_base":`, r.ValueBase)
	optional(`,"value_upper_base":`, r.ValueUpperBase)
	str(`,"base_unit":`, r.BaseUnit)
	str(`,"counts_zh":`, r.CountsZh)
	str(`,"counts_en":`, r.CountsEn)
	str(`,"qualifier":`, r.Qualifier)
	str(`,"per":`, r.Per)
	str(`,"change":`, r.Change)
	flag(`,"cumulative":`, r.Cumulative)
	str(`,"report":`, r.Report)
	str(`,"seed":`, r.Seed)
	b = append(b, `,"seed_line":`...)
	b = strconv.AppendInt(b, int64(r.SeedLine), 10)
	str(`,"quote":`, r.Quote)
	str(`,"quote_en":`, r.QuoteEn)
	str(`,"paragraph":`, r.Paragraph)
	str(`,"url_zh":`, r.URLZh)
	str(`,"url_en":`, r.URLEn)
	b = append(b, '}')
	return b, err
}

// appendJSONNumber writes a finite number as encoding/json does: in
// decimal, with an exponent only for the very small and the very large.
func appendJSONNumber(b []byte, f float64) []byte {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		b = strconv.AppendFloat(b, f, 'e', -1, 64)
		// e-07 is written e-7
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendJSONString writes s as a JSON string the way encoding/json does
// without HTML escaping: quotes, backslashes and control characters
// escaped, bytes that are not UTF-8 as U+FFFD, and the line and paragraph
// separators (U+2028, U+2029) escaped, as JavaScript once required.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	done := 0 // s[:done] is written
	flush := func(i int) { b = append(b, s[done:i]...) }
	// In a text that is all UTF-8 (as every input is) a byte from 0x80 up
	// needs looking at only where it starts U+2028 or U+2029 (E2 80 A8/A9):
	// the text of a report is mostly Chinese, and decoding each character
	// took most of the time.
	valid := utf8.ValidString(s)
	for i := 0; i < len(s); {
		if c := s[i]; valid && c >= utf8.RuneSelf && (c != 0xE2 || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) {
			i++
			continue
		}
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			flush(i)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			flush(i)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			flush(i)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	flush(len(s))
	return append(b, '"')
}
