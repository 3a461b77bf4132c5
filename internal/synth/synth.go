// Package synth makes synthetic sites for benchmarks: a site root of any
// number of reports, made from the real ones. It stands beside the
// pipeline, not in it: it reads a site root (an fs.FS) and returns the files
// of a bigger one, which `reportsite build` builds like any other.
//
// The reports of data/reports.toml are repeated in order, and the first n of
// that sequence are kept. The first round keeps the reports as they are; in
// round k (from 1) every report gets the id ID-sk (2020-chongqing-review-s1),
// every figure of it the id FIGURE-sk with report = the new id, and its
// translations are copied to data/translations/LANG/ID-sk.toml. Figure files
// of round k are named NAME-sk.toml and hold only the figures of reports
// that were kept. Seeds, content, layouts and the rest of data/ are copied
// unchanged; when n is smaller than the number of real reports, the
// headline of data/site.toml keeps only the figures that are still there.
//
// Ids and report references are rewritten in the TOML text, so comments
// and layout stay as the editors wrote them, and every rewrite is checked
// against the decoded file: a file the rewrite does not understand is an
// error, never a silently different site.
package synth

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// The parts of a site root that Site reads and writes.
const (
	reportsPath     = "data/reports.toml"
	sitePath        = "data/site.toml"
	figuresDir      = "data/figures"
	translationsDir = "data/translations"
)

// copiedDirs are copied as they are.
var copiedDirs = []string{"seeds", "content", "layouts", "data"}

// CopyID is the id of report or figure id in round k of the repetition: the
// id itself in round 0, id-sk after that.
func CopyID(id string, k int) string {
	if k == 0 {
		return id
	}
	return fmt.Sprintf("%s-s%d", id, k)
}

// Site returns the files of a site root of n reports made from the site
// root src, by slash-separated path. Translation files are shared between
// copies (the same byte slice), so the caller must not modify the data.
func Site(src fs.FS, n int) (map[string][]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("the number of reports must be at least 1, not %d", n)
	}
	files := map[string][]byte{}
	if err := copyInputs(src, files); err != nil {
		return nil, err
	}
	reports, err := readTables(src, reportsPath, "report", false)
	if err != nil {
		return nil, err
	}
	if len(reports.entries) == 0 {
		return nil, fmt.Errorf("%s: no [[report]]", reportsPath)
	}
	// pos[id] is the report's place in the sequence; report (k, i) is kept
	// when k*len + i < n.
	pos := map[string]int{}
	for i, r := range reports.entries {
		if _, dup := pos[r.id]; dup {
			return nil, fmt.Errorf("%s: report id %q is used twice", reportsPath, r.id)
		}
		pos[r.id] = i
	}
	rounds := (n + len(pos) - 1) / len(pos)
	kept := func(report string, k int) bool { return k*len(pos)+pos[report] < n }

	var out bytes.Buffer
	out.WriteString(reports.preamble)
	fmt.Fprintf(&out, "# synthsite: %d reports, the %d above repeated in order; copies have ids ID-s1, ID-s2 …\n", n, len(pos))
	for k := range rounds {
		for _, r := range reports.entries {
			if kept(r.id, k) {
				out.WriteString(r.rewrite(CopyID(r.id, k), ""))
			}
		}
	}
	files[reportsPath] = out.Bytes()

	figureIDs, err := copyFigures(src, files, rounds, pos, kept)
	if err != nil {
		return nil, err
	}
	if err := copyTranslations(src, files, rounds, reports.entries, kept); err != nil {
		return nil, err
	}
	if err := trimHeadline(files, figureIDs); err != nil {
		return nil, err
	}
	return files, nil
}

// copyInputs copies every file of the copied folders except those Site
// writes itself.
func copyInputs(src fs.FS, files map[string][]byte) error {
	for _, dir := range copiedDirs {
		err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case p == dir && isNotExist(err):
				return fs.SkipDir // the build says what is missing
			case err != nil:
				return err
			case p == figuresDir || p == translationsDir:
				return fs.SkipDir
			case p == reportsPath || d.IsDir():
				return nil
			case !d.Type().IsRegular():
				return fmt.Errorf("%s: not a regular file", p)
			}
			b, err := fs.ReadFile(src, p)
			files[p] = b
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// copyFigures writes the figures of every kept report, and returns the ids
// of the figures written.
func copyFigures(src fs.FS, files map[string][]byte, rounds int, pos map[string]int, kept func(string, int) bool) (map[string]bool, error) {
	names, err := fs.Glob(src, path.Join(figuresDir, "*.toml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	ids := map[string]bool{}
	for _, name := range names {
		figs, err := readTables(src, name, "figure", true)
		if err != nil {
			return nil, err
		}
		for _, f := range figs.entries {
			if _, ok := pos[f.report]; !ok {
				return nil, fmt.Errorf("%s: figure %q refers to report %q, which %s does not list", name, f.id, f.report, reportsPath)
			}
		}
		stem := strings.TrimSuffix(name, ".toml")
		for k := range rounds {
			var out bytes.Buffer
			for _, f := range figs.entries {
				if kept(f.report, k) {
					id := CopyID(f.id, k)
					out.WriteString(f.rewrite(id, CopyID(f.report, k)))
					ids[id] = true
				}
			}
			if out.Len() > 0 {
				files[CopyID(stem, k)+".toml"] = append([]byte(figs.preamble), out.Bytes()...)
			}
		}
	}
	return ids, nil
}

// copyTranslations copies the translations of every kept report, in every
// language, under the report's new id.
func copyTranslations(src fs.FS, files map[string][]byte, rounds int, reports []table, kept func(string, int) bool) error {
	langs, err := fs.ReadDir(src, translationsDir)
	if err != nil && !isNotExist(err) {
		return err
	}
	for _, lang := range langs {
		if !lang.IsDir() {
			continue
		}
		dir := path.Join(translationsDir, lang.Name())
		for _, r := range reports {
			b, err := fs.ReadFile(src, path.Join(dir, r.id+".toml"))
			if isNotExist(err) {
				continue // an untranslated report stays untranslated
			} else if err != nil {
				return err
			}
			for k := range rounds {
				if kept(r.id, k) {
					files[path.Join(dir, CopyID(r.id, k)+".toml")] = b
				}
			}
		}
	}
	return nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

var reHeadline = regexp.MustCompile(`(?m)^headline[ \t]*=[ \t]*\[[^\]]*\]`)

// trimHeadline drops from the headline of data/site.toml the figures that
// are not in the site (when fewer reports than the real ones are kept).
func trimHeadline(files map[string][]byte, figures map[string]bool) error {
	var cfg struct {
		Headline []string `toml:"headline"`
	}
	b := files[sitePath]
	if _, err := toml.Decode(string(b), &cfg); err != nil {
		return fmt.Errorf("%s: %w", sitePath, err)
	}
	var keep []string
	for _, id := range cfg.Headline {
		if figures[id] {
			keep = append(keep, id)
		}
	}
	if len(keep) == len(cfg.Headline) {
		return nil
	}
	loc := reHeadline.FindIndex(b)
	if loc == nil {
		return fmt.Errorf("%s: cannot find the headline = [ … ] array to leave out the figures of reports not kept", sitePath)
	}
	var list strings.Builder
	list.WriteString("headline = [")
	for i, id := range keep {
		if i > 0 {
			list.WriteString(", ")
		}
		fmt.Fprintf(&list, "%q", id)
	}
	list.WriteString("]")
	files[sitePath] = slices.Concat(b[:loc[0]], []byte(list.String()), b[loc[1]:])
	return nil
}
