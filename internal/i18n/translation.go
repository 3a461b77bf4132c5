package i18n

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unsafe"

	"reportsite/internal/diag"
	"reportsite/internal/seed"
	"reportsite/internal/tomlx"
)

// Unit is one piece of a report that is translated as a whole: a heading, a
// run-in heading, a paragraph's text, a highlight, a caption or a line of
// metadata in the body. Its ID is the block id (a run-in heading has the h-
// id of its paragraph).
type Unit struct {
	ID   string
	Kind seed.Kind
	Zh   string // the Chinese text, after errata
	Line int    // the seed line it starts on
	// Hash is Hash(Zh), worked out once by Units; Lookup works it out if
	// it is not set.
	Hash string
}

// Units lists the translation units of a document in reading order.
func Units(d *seed.Document) []Unit {
	body := d.Body()
	out := make([]Unit, 0, len(body)+len(body)/4)
	for _, b := range body {
		switch {
		case b.Kind == seed.Paragraph && b.Lead != "":
			out = append(out, Unit{ID: b.HeadingID(), Kind: seed.Heading, Zh: b.Lead, Line: b.Lines[0], Hash: Hash(b.Lead)})
			if b.Text != "" {
				out = append(out, Unit{ID: b.ID, Kind: b.Kind, Zh: b.Text, Line: b.Lines[0], Hash: Hash(b.Text)})
			}
		case b.ID != "":
			out = append(out, Unit{ID: b.ID, Kind: b.Kind, Zh: b.Text, Line: b.Lines[0], Hash: Hash(b.Text)})
		}
	}
	return out
}

// Hash identifies the Chinese text a translation was made from: the first
// 12 hex digits of its SHA-256.
func Hash(zh string) string {
	// Read in place rather than copied: Sum256 does not write to it, and
	// every block of every report is hashed at each build.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(zh), len(zh)))
	return hex.EncodeToString(sum[:6])
}

// Entry is one translated unit.
type Entry struct {
	tomlx.Table
	ID     string `toml:"id"`
	ZhHash string `toml:"zh_hash"`
	En     string `toml:"en"`
	Note   string `toml:"note"` // a translator's note, shown to readers
}

// Translation is the English text of one report, from
// data/translations/en/<report>.toml.
type Translation struct {
	Report  string
	Path    string
	Entries []Entry
	byID    map[string]int
}

// TranslationPath is where the translation of a report lives.
func TranslationPath(lang, report string) string {
	return path.Join("data/translations", lang, report+".toml")
}

// LoadTranslation reads the translation of report into lang, if there is
// one. A missing file is not an error: the report is then untranslated. A
// file that cannot be decoded gives no translation, only the error.
func LoadTranslation(fsys fs.FS, lang, report string) (*Translation, diag.List) {
	p := TranslationPath(lang, report)
	if _, err := fs.Stat(fsys, p); err != nil {
		return nil, nil
	}
	var raw struct {
		Block []Entry `toml:"block"`
	}
	top, errs := tomlx.Decode(fsys, p, &raw)
	if top == nil || len(errs) > 0 {
		return nil, errs
	}
	t := &Translation{Report: report, Path: p, Entries: raw.Block, byID: make(map[string]int, len(raw.Block))}
	for i, e := range t.Entries {
		if j, dup := t.byID[e.ID]; dup {
			errs.Add(e.At("id"), "keep one of them; the first is at "+t.Entries[j].At("id").String(), "block %q is translated twice", e.ID)
			continue
		}
		t.byID[e.ID] = i
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// Lookup returns the English text of a unit and whether it is translated
// and up to date with the Chinese.
func (t *Translation) Lookup(u Unit) (en string, ok bool) {
	if t == nil {
		return "", false
	}
	i, found := t.byID[u.ID]
	if !found || strings.TrimSpace(t.Entries[i].En) == "" {
		return "", false
	}
	e := t.Entries[i]
	h := u.Hash
	if h == "" {
		h = Hash(u.Zh)
	}
	return strings.TrimSpace(e.En), e.ZhHash == h
}

// English returns the English of a unit, up to date or not, or "".
func (t *Translation) English(id string) string {
	if t == nil {
		return ""
	}
	if i, ok := t.byID[id]; ok {
		return strings.TrimSpace(t.Entries[i].En)
	}
	return ""
}

// At is the position of key of the entry for a unit id, or the file's.
func (t *Translation) At(id, key string) diag.Pos {
	if i, ok := t.byID[id]; ok {
		return t.Entries[i].At(key)
	}
	return diag.Pos{File: t.Path}
}

// Note returns the translator's note on a unit, if any.
func (t *Translation) Note(id string) string {
	if t == nil {
		return ""
	}
	if i, ok := t.byID[id]; ok {
		return t.Entries[i].Note
	}
	return ""
}

// Check compares a translation with the units of its report: units with no
// translation (missing or empty), entries for no unit (orphaned) and entries
// whose Chinese has changed since they were translated (stale) are
// reported. Missing, empty and stale are warnings, orphaned entries are
// errors (they are a typo or a leftover, never useful).
func (t *Translation) Check(units []Unit) diag.List {
	var l diag.List
	if t == nil {
		return l
	}
	known := map[string]bool{}
	var missing, empty []string
	var firstEmpty diag.Pos
	for _, u := range units {
		known[u.ID] = true
		i, ok := t.byID[u.ID]
		switch {
		case !ok:
			missing = append(missing, u.ID)
			continue
		case strings.TrimSpace(t.Entries[i].En) == "":
			if len(empty) == 0 {
				firstEmpty = t.Entries[i].At("en")
			}
			empty = append(empty, u.ID)
			continue
		}
		hash := u.Hash
		if hash == "" {
			hash = Hash(u.Zh)
		}
		if t.Entries[i].ZhHash != hash {
			l.Warn(t.Entries[i].At("zh_hash"), fmt.Sprintf("review the English against the Chinese, then set zh_hash = %q", hash),
				"stale translation of %s: the Chinese changed since it was translated", u.ID)
		}
	}
	if len(missing) > 0 {
		l.Warn(diag.Pos{File: t.Path}, "run `reportsite translate -report "+t.Report+"` to add entries for them",
			"%s no entry in the translation: %s", diag.Count(len(missing), "block has", "blocks have"), abbreviateIDs(missing))
	}
	if len(empty) > 0 {
		l.Warn(firstEmpty, map[bool]string{true: "write its English in en = \"…\"", false: "write their English in en = \"…\""}[len(empty) == 1],
			"%s empty English text: %s", diag.Count(len(empty), "block has", "blocks have"), abbreviateIDs(empty))
	}
	for _, e := range t.Entries {
		if !known[e.ID] {
			l.Add(e.At("id"), "ids are the block ids of the Chinese text, such as p-12 or h-10; remove the entry or correct its id",
				"block %q does not exist in report %s", e.ID, t.Report)
		}
	}
	return l
}

func abbreviateIDs(ids []string) string {
	if len(ids) > 8 {
		return strings.Join(ids[:8], ", ") + fmt.Sprintf(" and %d more", len(ids)-8)
	}
	return strings.Join(ids, ", ")
}

// Skeleton writes a translation file for the units of a report: existing
// entries are kept as they are, missing ones are added with an empty en, and
// each entry is preceded by the Chinese it translates as a comment.
func Skeleton(report string, units []Unit, existing *Translation) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# English translation of report %s.\n", report)
	b.WriteString("# One [[block]] per heading, paragraph, highlight, caption and body metadata line,\n")
	b.WriteString("# under the id of the Chinese block. zh_hash is the hash of the Chinese it translates:\n")
	b.WriteString("# when the Chinese changes, `reportsite check` reports the entry as stale.\n")
	for _, u := range units {
		e := Entry{ID: u.ID, ZhHash: Hash(u.Zh)}
		if existing != nil {
			if i, ok := existing.byID[u.ID]; ok {
				e = existing.Entries[i]
			}
		}
		fmt.Fprintf(&b, "\n# %s\n[[block]]\nid = %q\nzh_hash = %q\nen = %s\n", strings.ReplaceAll(u.Zh, "\n", " "), e.ID, e.ZhHash, quote(e.En))
		if e.Note != "" {
			fmt.Fprintf(&b, "note = %s\n", quote(e.Note))
		}
	}
	return []byte(b.String())
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
