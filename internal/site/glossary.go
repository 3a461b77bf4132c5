package site

import (
	"io/fs"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// GlossaryPath is the file of official terms.
const GlossaryPath = "data/glossary.toml"

// Term is one entry of the glossary: how an official Chinese term is
// rendered in English, with an optional explanation in each language.
type Term struct {
	tomlx.Table
	Zh     string `toml:"zh"`
	ZhHant string `toml:"zh_hant"`
	En     string `toml:"en"`
	NoteZh string `toml:"note_zh"`
	NoteEn string `toml:"note_en"`
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
		case t.Zh == "" || t.En == "":
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
