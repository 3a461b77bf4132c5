package site

import (
	"strings"

	"reportsite/internal/dataset"
	"reportsite/internal/i18n"
)

// englishQuotes finds, for every figure of a report, the sentence of the English
// translation that holds it: the sentence of the translated paragraph in
// which the figure's number is written the English way. A figure whose
// paragraph is untranslated or out of date, or whose number the English
// does not write, has none, and English pages show its Chinese quote alone.
func (s *Site) englishQuotes(r *dataset.Report, t *i18n.Translation, units map[string]i18n.Unit) map[string]string {
	out := map[string]string{}
	for _, f := range s.Data.FiguresOf(r) {
		b := f.Match.Block
		u := units[b.ID]
		if f.Match.Start < len(b.Lead) { // the quote is in the run-in heading
			u = units[b.HeadingID()]
		}
		en, current := t.Lookup(u)
		if en == "" || !current {
			continue
		}
		if sp := enSpans(en, []*dataset.Figure{f}); len(sp) > 0 {
			out[f.ID] = sentenceAround(en, sp[0].start, sp[0].end)
		}
	}
	return out
}

// englishQuote is the English sentence of a figure, or "".
func (s *Site) englishQuote(f *dataset.Figure) string {
	if c := s.checked[f.Report]; c != nil {
		return c.quotes[f.ID]
	}
	return ""
}

// sentenceAround returns the sentence of text that holds text[start:end]. A
// sentence ends at . ! ? or ; followed by a space, unless the full stop
// ends an abbreviation (No., e.g.) or is part of a number.
func sentenceAround(text string, start, end int) string {
	from := 0
	for i := start - 1; i > 0; i-- {
		if sentenceEndsAt(text, i) {
			from = i + 1
			break
		}
	}
	to := len(text)
	for i := end; i < len(text); i++ {
		if sentenceEndsAt(text, i) {
			to = i + 1
			break
		}
	}
	return strings.TrimSpace(text[from:to])
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
}

var abbreviations = []string{"No", "Nos", "e.g", "i.e", "etc", "Co", "Ltd", "U.S", "vs", "St", "approx"}

// sentenceEndsAt reports whether text[i] ends a sentence.
func sentenceEndsAt(text string, i int) bool {
	switch text[i] {
	case '.', '!', '?', ';':
	default:
		return false
	}
	if i+1 >= len(text) || text[i+1] != ' ' {
		return false
	}
	if text[i] == '.' {
		for _, a := range abbreviations {
			// the abbreviation as a word: at the start, or after a space
			// or a bracket, not the end of a longer word
			if before := text[:i]; strings.HasSuffix(before, a) && (len(before) == len(a) || !isWordByte(before[len(before)-len(a)-1])) {
				return false
			}
		}
	}
	return true
}
