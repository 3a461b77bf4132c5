package i18n

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/seed"
)

const src = "标题\n\n2020年重点工作\n\n(一)稳增长。第一句。\n\n●要点。\n"

func doc(t *testing.T, s string) *seed.Document {
	t.Helper()
	d, err := seed.Parse("s.txt", []byte(s), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestUnits(t *testing.T) {
	var got []string
	for _, u := range Units(doc(t, src)) {
		got = append(got, u.ID+"="+u.Zh)
	}
	want := "h-3=2020年重点工作 h-5=(一)稳增长。 p-5=第一句。 hl-7=要点。"
	if strings.Join(got, " ") != want {
		t.Errorf("Units = %v, want %s", got, want)
	}
}

func TestSkeletonRoundTrip(t *testing.T) {
	units := Units(doc(t, src))
	sk := Skeleton("r", units, nil)
	fsys := fstest.MapFS{"data/translations/en/r.toml": {Data: sk}}
	tr, errs := LoadTranslation(fsys, "en", "r")
	if len(errs) > 0 || tr == nil || len(tr.Entries) != len(units) {
		t.Fatalf("LoadTranslation(skeleton) = %v, %v", tr, errs)
	}
	l := tr.Check(units)
	if len(l) != 1 || l[0].Error() != `data/translations/en/r.toml:10:6: warning: 4 blocks have empty English text: h-3, h-5, p-5, hl-7 (write their English in en = "…")` {
		t.Errorf("Check(empty skeleton) = %v", l)
	}
	// A filled entry survives a new skeleton.
	filled := strings.Replace(string(sk), "id = \"p-5\"\nzh_hash = \""+Hash("第一句。")+"\"\nen = \"\"", "id = \"p-5\"\nzh_hash = \""+Hash("第一句。")+"\"\nen = \"The first sentence.\"", 1)
	fsys["data/translations/en/r.toml"] = &fstest.MapFile{Data: []byte(filled)}
	tr, _ = LoadTranslation(fsys, "en", "r")
	if en, ok := tr.Lookup(units[2]); en != "The first sentence." || !ok {
		t.Errorf("Lookup(p-5) = %q, %v", en, ok)
	}
	if again := Skeleton("r", units, tr); !strings.Contains(string(again), `en = "The first sentence."`) {
		t.Error("Skeleton dropped an existing translation")
	}
}

func TestCheckOrphanedAndStale(t *testing.T) {
	units := Units(doc(t, src))
	file := `[[block]]
id = "h-3"
zh_hash = "` + Hash("2020年重点工作") + `"
en = "Key work in 2020"

[[block]]
id = "p-5"
zh_hash = "000000000000"
en = "An older sentence."

[[block]]
id = "p-99"
zh_hash = "000000000000"
en = "Nothing."
`
	tr, errs := LoadTranslation(fstest.MapFS{"data/translations/en/r.toml": {Data: []byte(file)}}, "en", "r")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	l := tr.Check(units)
	var got []string
	for _, e := range l {
		got = append(got, e.Error())
	}
	want := []string{
		`data/translations/en/r.toml:8:11: warning: stale translation of p-5: the Chinese changed since it was translated (review the English against the Chinese, then set zh_hash = "` + Hash("第一句。") + `")`,
		"data/translations/en/r.toml: warning: 2 blocks have no entry in the translation: h-5, hl-7 (run `reportsite translate -report r` to add entries for them)",
		`data/translations/en/r.toml:12:6: block "p-99" does not exist in report r (ids are the block ids of the Chinese text, such as p-12 or h-10; remove the entry or correct its id)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if en, ok := tr.Lookup(units[2]); en != "An older sentence." || ok {
		t.Errorf("Lookup(stale p-5) = %q, %v; want the text, not up to date", en, ok)
	}
}

func TestLoadStringsMissingKey(t *testing.T) {
	fsys := fstest.MapFS{
		"data/i18n/zh.toml": {Data: []byte("\"a\" = \"甲\"\n\"b\" = \"乙\"\n")},
		"data/i18n/en.toml": {Data: []byte("\"a\" = \"A\"\n")},
	}
	_, errs := LoadStrings(fsys, []string{"zh", "en"})
	want := `data/i18n/en.toml: missing interface string "b" (data/i18n/zh.toml defines it at data/i18n/zh.toml:2:7)`
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("LoadStrings errors = %v, want %s", errs, want)
	}
}

// TestRealStringsComplete loads the project's own interface strings.
func TestRealStringsComplete(t *testing.T) {
	s, errs := LoadStrings(os.DirFS("../.."), []string{"zh", "en"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	bases := func(lang string) map[string]bool {
		m := map[string]bool{}
		for k := range s[lang] {
			m[pluralBase(k)] = true
		}
		return m
	}
	zh, en := bases("zh"), bases("en")
	if len(zh) != len(en) || len(zh) < 100 {
		t.Errorf("%d zh strings, %d en strings (without their plural forms)", len(zh), len(en))
	}
}
