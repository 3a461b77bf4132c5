// Package i18n holds everything that differs by language apart from the
// reports themselves: the interface strings of data/i18n/{lang}.toml and the
// translations of the reports in data/translations/{lang}/, with their
// alignment to the Chinese text and their staleness.
package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// Strings are the interface strings of every language: Strings[lang][key].
type Strings map[string]map[string]string

// StringsPath is the file of a language's interface strings.
func StringsPath(lang string) string { return path.Join("data/i18n", lang+".toml") }

// LoadStrings reads the interface strings of langs. Every language must
// define the same keys: a key missing in one file is an error naming that
// file and the file that has it. A string with a number that a noun must
// agree with comes in plural forms, key.one and key.other as CLDR names
// them ("%d figure", "%d figures"), each language defining the forms its
// grammar has (Chinese only other).
func LoadStrings(fsys fs.FS, langs []string) (Strings, diag.List) {
	s := Strings{}
	var errs diag.List
	files := map[string]*tomlx.Table{}
	for _, lang := range langs {
		m := map[string]string{}
		f, e := tomlx.Decode(fsys, StringsPath(lang), &m)
		errs = append(errs, e...)
		s[lang], files[lang] = m, f
	}
	if len(errs) > 0 {
		return s, errs
	}
	bases := map[string]map[string]string{} // by language: base key → a key that has it
	for _, lang := range langs {
		bases[lang] = map[string]string{}
		for key := range s[lang] {
			bases[lang][pluralBase(key)] = key
		}
	}
	for _, a := range langs {
		ba := bases[a]
		for _, base := range sortedKeys(ba) {
			for _, b := range langs {
				if _, ok := bases[b][base]; !ok {
					errs.Add(diag.Pos{File: StringsPath(b)}, fmt.Sprintf("%s defines it at %s", StringsPath(a), files[a].At(ba[base])),
						"missing interface string %q", base)
				}
			}
			if base == ba[base] {
				continue
			}
			for _, form := range []string{"other", "one"} {
				if _, ok := s[a][base+"."+form]; !ok && (form == "other" || One(a, "1")) {
					errs.Add(files[a].At(ba[base]), fmt.Sprintf("a string with plural forms has %s.one and %s.other in English, %s.other in Chinese", base, base, base),
						"plural string %q has no form %q", base, form)
				}
			}
		}
	}
	return s, errs
}

// pluralBase strips a CLDR plural category from a key: "x.one" is "x".
func pluralBase(key string) string {
	for _, form := range []string{".zero", ".one", ".two", ".few", ".many", ".other"} {
		if b, ok := strings.CutSuffix(key, form); ok {
			return b
		}
	}
	return key
}

// Plural returns the form of key that agrees with n in lang (key.one for
// 1 in English, key.other otherwise), with n filled in for its %d.
func (s Strings) Plural(lang, key string, n int) string {
	form := ".other"
	if One(lang, strconv.Itoa(n)) {
		form = ".one"
	}
	if v, ok := s[lang][key+form]; ok {
		return fmt.Sprintf(v, n)
	}
	return fmt.Sprintf(s.T(lang, key+".other"), n)
}

// MissingMark starts the text that T returns for a key that does not
// exist: "[missing en:key]". The build looks for it in every page it
// renders and fails, naming the key.
const MissingMark = "[missing "

// T returns the string for key in lang, or a visible mark for a key that
// does not exist.
func (s Strings) T(lang, key string) string {
	if v, ok := s[lang][key]; ok {
		return v
	}
	return MissingMark + lang + ":" + key + "]"
}

// Has reports whether key exists in lang.
func (s Strings) Has(lang, key string) bool {
	_, ok := s[lang][key]
	return ok
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// One reports whether a number, written as in the text ("1", "1.0",
// "45"), takes the singular in lang, by the CLDR plural rules: in English
// only "1" does; Chinese has no plural.
func One(lang, number string) bool {
	tag, err := parseTag(lang)
	if err != nil {
		return false
	}
	i, frac, _ := strings.Cut(strings.TrimPrefix(number, "-"), ".")
	n, err := strconv.Atoi(i)
	if err != nil {
		return false
	}
	f, _ := strconv.Atoi("0" + frac)
	t, _ := strconv.Atoi("0" + strings.TrimRight(frac, "0"))
	return plural.Cardinal.MatchPlural(tag, n, len(frac), len(strings.TrimRight(frac, "0")), f, t) == plural.One
}

// parseTag is language.Parse, without the parsing for the site's own two
// languages (plural forms are looked up for every figure of every page).
func parseTag(lang string) (language.Tag, error) {
	switch lang {
	case "en":
		return language.English, nil
	case "zh":
		return language.Chinese, nil
	}
	return language.Parse(lang)
}
