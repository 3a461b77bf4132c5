package search

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// script writes an executable shell script to a new folder and returns its
// path.
func script(t *testing.T, name, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake Pagefind is a shell script")
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// fakePagefind is a shell script that does what Pagefind does as far as
// the build can tell: it writes pagefind/pagefind.js and
// pagefind/pagefind-entry.json, with the languages given.
func fakePagefind(t *testing.T, entry string) string {
	return script(t, "pagefind_extended", `
[ "$1" = --site ] && [ "$3" = --output-subdir ] || { echo "unexpected arguments: $*" >&2; exit 2; }
mkdir -p "$2/$4" && echo 'export {}' > "$2/$4/pagefind.js" && echo '`+entry+`' > "$2/$4/pagefind-entry.json"
`)
}

const entryBoth = `{"version":"1.6.0","languages":{"en":{"page_count":3},"zh-hans":{"page_count":4}}}`

func TestFind(t *testing.T) {
	fake := fakePagefind(t, entryBoth)
	root := t.TempDir()
	emptyPath := t.TempDir()

	t.Run("not installed", func(t *testing.T) {
		t.Setenv(EnvVar, "")
		t.Setenv("PATH", emptyPath)
		if x, err := Find(root); x != nil || err != nil {
			t.Errorf("Find = %v, %v; want nothing found", x, err)
		}
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv(EnvVar, fake)
		x, err := Find(root)
		if err != nil || x == nil || x.Path != fake || x.From != EnvVar {
			t.Errorf("Find = %+v, %v; want %s from %s", x, err, fake, EnvVar)
		}
	})
	t.Run("environment names no file", func(t *testing.T) {
		t.Setenv(EnvVar, filepath.Join(emptyPath, "pagefind_extended"))
		if x, err := Find(root); x != nil || err == nil || !strings.Contains(err.Error(), EnvVar+"=") {
			t.Errorf("Find = %v, %v; want an error naming %s", x, err, EnvVar)
		}
	})
	t.Run("off", func(t *testing.T) {
		t.Setenv(EnvVar, "off")
		if x, err := Find(root); x != nil || !errors.Is(err, ErrOff) {
			t.Errorf("Find = %v, %v; want ErrOff", x, err)
		}
	})
	t.Run("PATH", func(t *testing.T) {
		t.Setenv(EnvVar, "")
		t.Setenv("PATH", filepath.Dir(fake))
		x, err := Find(root)
		if err != nil || x == nil || x.Path != fake || x.From != "PATH" {
			t.Errorf("Find = %+v, %v; want %s from PATH", x, err, fake)
		}
	})
	t.Run("node_modules before PATH", func(t *testing.T) {
		pkg := npmPlatform(runtime.GOOS, runtime.GOARCH)
		if pkg == "" {
			t.Skip("Pagefind publishes no binary for this platform")
		}
		bin := filepath.Join(root, "node_modules", "@pagefind", pkg, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(fake)
		if err := os.WriteFile(filepath.Join(bin, "pagefind_extended"), b, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv(EnvVar, "")
		t.Setenv("PATH", filepath.Dir(fake))
		x, err := Find(root)
		if err != nil || x == nil || x.From != "node_modules" || !filepath.IsAbs(x.Path) {
			t.Errorf("Find = %+v, %v; want the absolute path in node_modules", x, err)
		}
	})
}

func TestNPMPlatform(t *testing.T) {
	for _, tc := range []struct{ goos, goarch, want string }{
		{"linux", "amd64", "linux-x64"},
		{"linux", "arm64", "linux-arm64"},
		{"darwin", "arm64", "darwin-arm64"},
		{"windows", "amd64", "windows-x64"},
		{"freebsd", "amd64", "freebsd-x64"},
		{"freebsd", "arm64", ""},
		{"linux", "386", ""},
	} {
		if got := npmPlatform(tc.goos, tc.goarch); got != tc.want {
			t.Errorf("npmPlatform(%q, %q) = %q, want %q", tc.goos, tc.goarch, got, tc.want)
		}
	}
}

func TestIndex(t *testing.T) {
	langs := []string{"zh", "en"}
	t.Run("indexed", func(t *testing.T) {
		dir := t.TempDir()
		// A stale index from elsewhere is removed first.
		os.MkdirAll(filepath.Join(dir, Dir), 0o755)
		os.WriteFile(filepath.Join(dir, Dir, "stale.pf_index"), nil, 0o644)
		x := &Indexer{Path: fakePagefind(t, entryBoth)}
		ix, err := x.Index(context.Background(), dir, langs)
		if err != nil {
			t.Fatal(err)
		}
		if ix.Version != "1.6.0" || ix.Total() != 7 || ix.Pages["zh-hans"] != 4 {
			t.Errorf("Index = %+v, want version 1.6.0 and 3 + 4 pages", ix)
		}
		if !strings.HasPrefix(ix.Summary(), "7 pages (en 3, zh-hans 4) by Pagefind 1.6.0 in ") {
			t.Errorf("Summary() = %q", ix.Summary())
		}
		if _, err := os.Stat(filepath.Join(dir, Dir, "stale.pf_index")); !os.IsNotExist(err) {
			t.Error("a stale index file was kept")
		}
		if len(ix.Warnings) != 0 {
			t.Errorf("Warnings = %q, want none", ix.Warnings)
		}
	})
	t.Run("indexed with a warning", func(t *testing.T) {
		x := &Indexer{Path: script(t, "pagefind_extended", "echo 'Warning: two data-pagefind-body elements' >&2\n"+
			`mkdir -p "$2/$4" && echo 'export {}' > "$2/$4/pagefind.js" && echo '`+entryBoth+`' > "$2/$4/pagefind-entry.json"`+"\n")}
		ix, err := x.Index(context.Background(), t.TempDir(), langs)
		if err != nil || len(ix.Warnings) != 1 || ix.Warnings[0] != "Warning: two data-pagefind-body elements" {
			t.Errorf("Index = %+v, %v; want Pagefind's warning kept", ix, err)
		}
	})
	t.Run("Pagefind fails", func(t *testing.T) {
		x := &Indexer{Path: script(t, "pagefind_extended", "echo 'Error: Pagefind could not parse the site' >&2\nexit 3\n")}
		_, err := x.Index(context.Background(), t.TempDir(), langs)
		if err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "Error: Pagefind could not parse the site") {
			t.Errorf("Index = %v; want the exit status and Pagefind's message", err)
		}
	})
	t.Run("no index written", func(t *testing.T) {
		x := &Indexer{Path: script(t, "pagefind_extended", "exit 0\n")}
		_, err := x.Index(context.Background(), t.TempDir(), langs)
		if err == nil || !strings.Contains(err.Error(), "wrote no usable index") {
			t.Errorf("Index = %v; want an error saying there is no index", err)
		}
	})
	t.Run("a language missing", func(t *testing.T) {
		x := &Indexer{Path: fakePagefind(t, `{"version":"1.6.0","languages":{"en":{"page_count":3}}}`)}
		_, err := x.Index(context.Background(), t.TempDir(), langs)
		if err == nil || !strings.Contains(err.Error(), `indexed no page in "zh"`) {
			t.Errorf("Index = %v; want an error naming zh", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		x := &Indexer{Path: fakePagefind(t, entryBoth)}
		if _, err := x.Index(ctx, t.TempDir(), langs); err == nil {
			t.Error("Index with a cancelled context succeeded")
		}
	})
}

// TestRealPagefind indexes a two-page site with the Pagefind that `npm ci`
// installs, when it is there: one page per language, each indexed under
// its language, by the pinned version; indexed again in another folder,
// the index is the same, byte for byte, so that builds stay reproducible.
func TestRealPagefind(t *testing.T) {
	x, err := Find(filepath.Join("..", ".."))
	if x == nil || err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no Pagefind in CI (%v); .ci/run installs it with npm ci", err)
		}
		t.Skip("Pagefind is not installed (npm ci)")
	}
	dir, again := t.TempDir(), t.TempDir()
	for p, html := range map[string]string{
		"zh/index.html": `<!doctype html><html lang="zh-Hans"><body><main data-pagefind-body><h1>报告</h1><p id="p-1" data-pagefind-title="p-1">新认定28个智能工厂。</p></main></body></html>`,
		"en/index.html": `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Report</h1><p id="p-1" data-pagefind-title="p-1">28 smart factories were recognised.</p></main></body></html>`,
	} {
		for _, d := range []string{dir, again} {
			os.MkdirAll(filepath.Join(d, filepath.Dir(p)), 0o755)
			os.WriteFile(filepath.Join(d, p), []byte(html), 0o644)
		}
	}
	ix, err := x.Index(context.Background(), dir, []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Pages["zh-hans"] != 1 || ix.Pages["en"] != 1 {
		t.Errorf("pages by language: %v, want zh-hans 1, en 1", ix.Pages)
	}
	if ix.Version != Version {
		t.Errorf("installed Pagefind is %s, want the pinned %s", ix.Version, Version)
	}
	if _, err := x.Index(context.Background(), again, []string{"zh", "en"}); err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(filepath.Join(dir, Dir), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(again, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two indexings of the same site (%v)", rel, err)
		}
		files++
		return nil
	})
	if err != nil || files < 5 {
		t.Errorf("compared %d files of the index (%v)", files, err)
	}
}
