package testsite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// Synthetic returns a site of n reports in both languages, made from the
// real one for benchmarks: the real reports are repeated under new ids
// (with their seeds, figures and translations), so that size grows and
// nothing else changes. n is rounded up to a multiple of the real reports.
func Synthetic(t testing.TB, n int) fstest.MapFS {
	t.Helper()
	root := Root()
	fsys := fstest.MapFS{}
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, dir := range []string{"content", "layouts", "data/i18n", "seeds"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: read(rel)}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"data/site.toml", "data/indicators.toml", "data/glossary.toml"} {
		fsys[f] = &fstest.MapFile{Data: read(f)}
	}
	reports := string(read("data/reports.toml"))
	entries := splitTables(reports, "[[report]]")
	ids := regexp.MustCompile(`(?m)^id\s*=\s*"([^"]+)"`)
	var out strings.Builder
	copies := (n + len(entries) - 1) / len(entries)
	for k := range copies {
		for _, e := range entries {
			id := ids.FindStringSubmatch(e)[1]
			if k == 0 { // the real reports, as they are
				out.WriteString(e)
				fsys["data/figures/"+id+".toml"] = &fstest.MapFile{Data: read("data/figures/" + id + ".toml")}
				fsys["data/translations/en/"+id+".toml"] = &fstest.MapFile{Data: read("data/translations/en/" + id + ".toml")}
				continue
			}
			nid := fmt.Sprintf("%s-s%d", id, k)
			out.WriteString(strings.Replace(e, `"`+id+`"`, `"`+nid+`"`, 1))
			figs := string(read("data/figures/" + id + ".toml"))
			figs = regexp.MustCompile(`(?m)^(report\s*=\s*")`+regexp.QuoteMeta(id)+`"`).ReplaceAllString(figs, `${1}`+nid+`"`)
			figs = regexp.MustCompile(`(?m)^(id\s*=\s*")([^"]+)"`).ReplaceAllString(figs, fmt.Sprintf(`${1}${2}-s%d"`, k))
			fsys["data/figures/"+nid+".toml"] = &fstest.MapFile{Data: []byte(figs)}
			fsys["data/translations/en/"+nid+".toml"] = &fstest.MapFile{Data: read("data/translations/en/" + id + ".toml")}
		}
	}
	fsys["data/reports.toml"] = &fstest.MapFile{Data: []byte(out.String())}
	return fsys
}

// splitTables cuts a TOML file into its [[name]] tables (each with its
// sub-tables), dropping what comes before the first.
func splitTables(src, header string) []string {
	parts := strings.Split(src, "\n"+header+"\n")
	var out []string
	for _, p := range parts[1:] {
		out = append(out, "\n"+header+"\n"+p)
	}
	return out
}
