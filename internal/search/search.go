// Package search is the last stage of `build` before the new output is
// swapped in: it indexes the finished site for full-text search with
// Pagefind (https://pagefind.app), whose extended build segments Chinese
// into words. Pagefind reads the HTML files of the new output folder and
// writes its index and its JavaScript to pagefind/ inside it; the site's
// search page (layouts/search.html, layouts/static/js/search.js) loads
// them in the reader's browser. Nothing is served from elsewhere.
//
// Pagefind is a program, not a Go library: the site works without it, with
// no search. Find looks for it in a fixed order:
//
//  1. the environment variable REPORTSITE_PAGEFIND: the path of a Pagefind
//     binary, or "off" to build without a search index;
//  2. the binary that `npm ci` installs under the site's root, from the
//     package-lock.json that pins Pagefind's version:
//     node_modules/@pagefind/linux-x64/bin/pagefind_extended (the folder
//     named after the operating system and processor);
//  3. pagefind_extended on the PATH.
//
// What Pagefind indexes, and how it weighs it, is said in the layouts with
// its data-pagefind-* attributes: the reports' text and the editorial pages
// first; indicator and year pages with a lower weight; the tables, charts
// and navigation not at all.
package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Version is the Pagefind release the site is tested with, pinned in
// package.json and package-lock.json.
const Version = "1.6.0"

// EnvVar names the environment variable that chooses the Pagefind binary
// (a path), or turns indexing off ("off").
const EnvVar = "REPORTSITE_PAGEFIND"

// Dir is the folder of the output that holds the index.
const Dir = "pagefind"

// Install is what a reader of the build's output is told to run to get
// search.
const Install = "run `npm ci` in the site's root to install Pagefind " + Version + " (see README)"

// Indexer is a Pagefind binary that can index a site.
type Indexer struct {
	Path string // the binary
	From string // where it was found: "REPORTSITE_PAGEFIND", "node_modules", "PATH"
}

// ErrOff is returned by Find when REPORTSITE_PAGEFIND is "off".
var ErrOff = errors.New(EnvVar + "=off: the site is built without a search index")

// Find looks for Pagefind's extended binary for the site whose root is
// root, in the order the package documentation gives. It returns nil and
// no error when Pagefind is not installed, ErrOff when the environment
// turns indexing off, and an error when the environment names a binary
// that does not exist.
func Find(root string) (*Indexer, error) {
	switch env := os.Getenv(EnvVar); env {
	case "":
	case "off":
		return nil, ErrOff
	default:
		p, err := exec.LookPath(env)
		if err != nil {
			return nil, fmt.Errorf("%s=%s: %w (give the path of pagefind_extended, or off)", EnvVar, env, err)
		}
		return &Indexer{Path: p, From: EnvVar}, nil
	}
	if pkg := npmPlatform(runtime.GOOS, runtime.GOARCH); pkg != "" {
		p := filepath.Join(root, "node_modules", "@pagefind", pkg, "bin", exe("pagefind_extended"))
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			if abs, err := filepath.Abs(p); err == nil {
				p = abs
			}
			return &Indexer{Path: p, From: "node_modules"}, nil
		}
	}
	if p, err := exec.LookPath("pagefind_extended"); err == nil {
		return &Indexer{Path: p, From: "PATH"}, nil
	}
	return nil, nil
}

// npmPlatform is the name of the npm package that holds Pagefind's binary
// for an operating system and processor, as Pagefind's own launcher
// chooses it, or "" where Pagefind publishes none.
func npmPlatform(goos, goarch string) string {
	cpu := map[string]string{"amd64": "x64", "arm64": "arm64"}[goarch]
	switch {
	case cpu == "":
		return ""
	case goos == "linux" || goos == "darwin" || goos == "windows":
		return goos + "-" + cpu
	case goos == "freebsd" && cpu == "x64":
		return "freebsd-x64"
	}
	return ""
}

func exe(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

// Index is what an indexing produced: Pagefind's version and the pages it
// indexed, by the language of their <html lang>.
type Index struct {
	Version string
	Pages   map[string]int // by Pagefind's language key: "zh-hans", "en"
	Time    time.Duration
	// Warnings are what Pagefind printed although it succeeded (it runs
	// with --quiet, which prints only warnings and errors), one a line.
	Warnings []string
}

// Total is the number of pages indexed in every language.
func (ix *Index) Total() int {
	n := 0
	for _, c := range ix.Pages {
		n += c
	}
	return n
}

// Summary says what was indexed, for the build's summary line:
// "540 pages (en 269, zh-hans 271) by Pagefind 1.6.0 in 1.1s".
func (ix *Index) Summary() string {
	langs := slices.Sorted(maps.Keys(ix.Pages))
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = fmt.Sprintf("%s %d", l, ix.Pages[l])
	}
	return fmt.Sprintf("%d pages (%s) by Pagefind %s in %s", ix.Total(), strings.Join(parts, ", "), ix.Version, ix.Time.Round(10*time.Millisecond))
}

// Index runs Pagefind on the site in dir, which it indexes into
// dir/pagefind/. It checks what Pagefind wrote: an index must exist for
// every one of langs (the site's languages, "zh" matching Pagefind's
// "zh-hans"). An error holds the end of what Pagefind printed.
func (x *Indexer) Index(ctx context.Context, dir string, langs []string) (*Index, error) {
	start := time.Now()
	if err := os.RemoveAll(filepath.Join(dir, Dir)); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, x.Path, "--site", ".", "--output-subdir", Dir, "--quiet")
	// Run in the site's folder, so that no pagefind.yml of the directory
	// the build was started from changes what is indexed.
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s failed: %v%s", x.Path, err, tail(out.String()))
	}
	ix, err := readEntry(filepath.Join(dir, Dir))
	if err != nil {
		return nil, fmt.Errorf("%s wrote no usable index: %v%s", x.Path, err, tail(out.String()))
	}
	for _, lang := range langs {
		if !ix.has(lang) {
			return nil, fmt.Errorf("%s indexed no page in %q (the pages' <html lang> and data-pagefind-body decide what is indexed)%s", x.Path, lang, tail(out.String()))
		}
	}
	ix.Time = time.Since(start)
	for _, l := range strings.Split(out.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ix.Warnings = append(ix.Warnings, l)
		}
	}
	return ix, nil
}

// has reports whether the index has pages in a language: "zh" is found as
// "zh-hans".
func (ix *Index) has(lang string) bool {
	for l, n := range ix.Pages {
		if n > 0 && (l == lang || strings.HasPrefix(l, lang+"-")) {
			return true
		}
	}
	return false
}

// readEntry reads pagefind-entry.json, the file by which Pagefind's
// JavaScript finds the index of each language.
func readEntry(dir string) (*Index, error) {
	b, err := os.ReadFile(filepath.Join(dir, "pagefind-entry.json"))
	if err != nil {
		return nil, err
	}
	var entry struct {
		Version   string `json:"version"`
		Languages map[string]struct {
			PageCount int `json:"page_count"`
		} `json:"languages"`
	}
	if err := json.Unmarshal(b, &entry); err != nil {
		return nil, fmt.Errorf("pagefind-entry.json: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pagefind.js")); err != nil {
		return nil, err
	}
	ix := &Index{Version: entry.Version, Pages: map[string]int{}}
	for l, v := range entry.Languages {
		ix.Pages[l] = v.PageCount
	}
	return ix, nil
}

// tail is the last lines of a program's output, indented, for an error.
func tail(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return ""
	}
	if len(lines) > 10 {
		lines = lines[len(lines)-10:]
	}
	return ":\n    " + strings.Join(lines, "\n    ")
}
