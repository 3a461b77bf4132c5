package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/tomlx"
)

// GlossaryPath is the file of official terms.
const GlossaryPath = "data/glossary.toml"

// Term is one entry of the glossary: how an official Chinese term is
// rendered in English, with an optional explanation in each language.
// check warns where a paragraph's Chinese holds the term and its English
// holds none of the term's forms (en, or the forms listed in en_forms, in
// any case), unless the term is marked unchecked: a word such as 市, which
// is rightly "city", "municipal" or "Chongqing" by context, is explained,
// not enforced.
type Term struct {
	tomlx.Table
	Zh        string   `toml:"zh"`
	ZhHant    string   `toml:"zh_hant"`
	En        string   `toml:"en"`
	EnForms   []string `toml:"en_forms"`
	Unchecked bool     `toml:"unchecked"`
	NoteZh    string   `toml:"note_zh"`
	NoteEn    string   `toml:"note_en"`
}

// forms are the English forms that render the term.
func (t *Term) forms() []string {
	if len(t.EnForms) > 0 {
		return t.EnForms
	}
	return []string{t.En}
}

// in reports whether the Chinese text holds the term.
func (t *Term) in(zh string) bool {
	return strings.Contains(zh, t.Zh) || (t.ZhHant != "" && strings.Contains(zh, t.ZhHant))
}

// glossaryIndex finds the glossary terms in a Chinese text by their first
// character, so that a text is read once, not once per term.
type glossaryIndex struct {
	byFirst map[rune][]*Term
	// may has the bit r%len of every first character r set: most
	// characters of a text start no term, and a bit says so sooner than
	// the map.
	may [1 << 16 / 64]uint64
	// lower holds each term's English forms in lower case.
	lower map[*Term][][]byte
}

func newGlossaryIndex(terms []*Term) *glossaryIndex {
	ix := &glossaryIndex{byFirst: map[rune][]*Term{}, lower: map[*Term][][]byte{}}
	for _, t := range terms {
		if t.Unchecked {
			continue
		}
		for _, f := range t.forms() {
			ix.lower[t] = append(ix.lower[t], []byte(strings.ToLower(f)))
		}
		for _, zh := range []string{t.Zh, t.ZhHant} {
			if r, _ := utf8.DecodeRuneInString(zh); zh != "" && !slices.Contains(ix.byFirst[r], t) {
				ix.byFirst[r] = append(ix.byFirst[r], t)
				b := uint32(r) % (1 << 16)
				ix.may[b/64] |= 1 << (b % 64)
			}
		}
	}
	return ix
}

// terms lists the glossary terms the Chinese text holds, each once, in
// the order of the glossary.
func (ix *glossaryIndex) terms(zh string) []*Term {
	var found []*Term
	for i, r := range zh {
		if b := uint32(r) % (1 << 16); ix.may[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		for _, t := range ix.byFirst[r] {
			if !slices.Contains(found, t) && (strings.HasPrefix(zh[i:], t.Zh) || t.ZhHant != "" && strings.HasPrefix(zh[i:], t.ZhHant)) {
				found = append(found, t)
			}
		}
	}
	return found
}

// rendered reports whether the English text, in lower case, holds one of
// the term's forms.
func (ix *glossaryIndex) rendered(t *Term, en []byte) bool {
	for _, f := range ix.lower[t] {
		if bytes.Contains(en, f) {
			return true
		}
	}
	return false
}

// checkGlossary warns where a translated block's Chinese holds a glossary
// term and its English does not render it as the glossary does.
func (s *Site) checkGlossary(ix *glossaryIndex, units []i18n.Unit, t *i18n.Translation) diag.List {
	var l diag.List
	var lower []byte
	for _, u := range units {
		en := t.English(u.ID)
		if en == "" {
			continue
		}
		terms := ix.terms(u.Zh)
		if len(terms) == 0 {
			continue
		}
		lower = appendLower(lower[:0], en) // one buffer for the translation's blocks
		for _, term := range terms {
			if ix.rendered(term, lower) {
				continue
			}
			l.Warn(t.At(u.ID, "en"), fmt.Sprintf("the glossary (%s) renders it %s", term.At("en"), quoteAll(term.forms())),
				"%s has %s in Chinese, but its English does not render it as the glossary does", u.ID, term.Zh)
		}
	}
	return l
}

// appendLower appends s in lower case to dst, as strings.ToLower writes
// it, faster on a text of ASCII letters with a few other characters (’, –),
// which strings.ToLower maps a character at a time.
func appendLower(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	b := dst[start:]
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			// a capital beyond ASCII, or not UTF-8
			return append(dst[:start], strings.ToLower(s)...)
		}
		i += size
	}
	return dst
}

func quoteAll(forms []string) string {
	q := make([]string, len(forms))
	for i, f := range forms {
		q[i] = strconv.Quote(f)
	}
	return strings.Join(q, " or ")
}

// Note returns the explanation in lang.
func (t Term) Note(lang string) string { return pick(lang, t.NoteZh, t.NoteEn) }

func loadGlossary(fsys fs.FS) ([]*Term, diag.List) {
	var raw struct {
		Term []*Term `toml:"term"`
	}
	f, errs := tomlx.Decode(fsys, GlossaryPath, &raw)
	if f == nil {
		return nil, errs
	}
	seen := map[string]*Term{}
	var out []*Term
	for _, t := range raw.Term {
		if t.Err() != nil {
			continue
		}
		switch {
		case t.Zh == "" || (t.En == "" && len(t.EnForms) == 0):
			errs.Add(t.Header(), "a term has zh and en", "incomplete glossary term")
		case seen[t.Zh] != nil:
			errs.Add(t.At("zh"), "keep one entry per term; the first is at "+seen[t.Zh].At("zh").String(), "term %q is listed twice", t.Zh)
		default:
			seen[t.Zh] = t
			out = append(out, t)
		}
	}
	return out, errs
}
