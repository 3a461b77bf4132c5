package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"reportsite/internal/search"
	"reportsite/internal/testsite"
)

// fakePagefind writes a shell script that stands in for Pagefind: with
// fail, it prints an error and exits 3; otherwise it writes the two files
// by which the build checks an index, for both languages.
func fakePagefind(t *testing.T, fail bool) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake Pagefind is a shell script")
	}
	body := `mkdir -p pagefind && echo 'export {}' > pagefind/pagefind.js && echo '{"version":"1.6.0","languages":{"en":{"page_count":2},"zh-hans":{"page_count":2}}}' > pagefind/pagefind-entry.json` + "\n"
	if fail {
		body = "echo 'Error: could not read the site' >&2\nexit 3\n"
	}
	p := filepath.Join(t.TempDir(), "pagefind_extended")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBuildWithoutPagefind: without Pagefind the site is built whole, the
// build says in one line that it has no search and how to get it, and the
// search pages say that search is not available and load no script.
func TestBuildWithoutPagefind(t *testing.T) {
	root := testsite.Copy(t)
	t.Setenv(search.EnvVar, "")
	t.Setenv("PATH", t.TempDir())
	code, stdout, stderr := run("build", "-root", root)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !strings.HasSuffix(stdout, "; no search index\n") {
		t.Errorf("summary %q does not say there is no search index", stdout)
	}
	notes := 0
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "search: ") {
			notes++
			if !strings.Contains(l, "Pagefind is not installed") || !strings.Contains(l, "npm ci") {
				t.Errorf("the note %q does not say what is missing and how to install it", l)
			}
		}
	}
	if notes != 1 {
		t.Errorf("%d lines about search, want 1:\n%s", notes, stderr)
	}
	page := readFile(t, filepath.Join(root, "public", "en", "search", "index.html"))
	if !strings.Contains(page, "search-unavailable") || strings.Contains(page, "<script src=") {
		t.Error("the search page of a site without an index does not say so, or loads a script")
	}
	if _, err := os.Stat(filepath.Join(root, "public", "pagefind")); !os.IsNotExist(err) {
		t.Error("a site without Pagefind has a pagefind/ folder")
	}

	// Turned off on purpose, the build says that instead.
	t.Setenv(search.EnvVar, "off")
	code, _, stderr = run("build", "-root", root)
	if code != 0 || !strings.Contains(stderr, "search: "+search.EnvVar+"=off") {
		t.Errorf("build with %s=off: exit %d\n%s", search.EnvVar, code, stderr)
	}
}

// TestBuildIndexesBeforeSwap: with Pagefind, the new output is indexed
// before it replaces the old one; when indexing fails, the build fails
// and the previous output, index included, is left exactly as it was.
func TestBuildIndexesBeforeSwap(t *testing.T) {
	root := testsite.Copy(t)
	out := filepath.Join(root, "public")
	t.Setenv(search.EnvVar, fakePagefind(t, false))
	code, stdout, stderr := run("build", "-root", root)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "; search index of 4 pages (en 2, zh-hans 2) by Pagefind 1.6.0 in ") {
		t.Errorf("summary %q does not describe the index", stdout)
	}
	if strings.Contains(stderr, "search:") {
		t.Errorf("a build with an index printed a note about search:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "pagefind", "pagefind.js")); err != nil {
		t.Error("the output has no index")
	}
	page := readFile(t, filepath.Join(out, "zh", "search", "index.html"))
	if !strings.Contains(page, `data-bundle="/pagefind/"`) || !strings.Contains(page, `<script src="/assets/js/search.js" defer></script>`) {
		t.Error("the search page of an indexed site does not load the search script and the index")
	}
	before := snapshot(t, out)

	t.Setenv(search.EnvVar, fakePagefind(t, true))
	testsite.Edit(t, root, "content/en/about.md", func(s string) string { return s + "\nA sentence added.\n" })
	code, stdout, stderr = run("build", "-root", root)
	if code != 1 || stdout != "" {
		t.Errorf("build with a failing Pagefind: exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	for _, want := range []string{"build failed: indexing the site for search:", "exit status 3", "Error: could not read the site", "left as it was", search.EnvVar + "=off"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("a failed indexing changed the output: %d files before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("a failed indexing changed %s", p)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(root, ".public.*")); len(leftovers) > 0 {
		t.Errorf("a failed indexing left %v", leftovers)
	}

	// A Pagefind named in the environment that is not there is an error
	// before anything is built.
	t.Setenv(search.EnvVar, filepath.Join(t.TempDir(), "nothing"))
	if code, _, stderr := run("build", "-root", root); code != 1 || !strings.Contains(stderr, search.EnvVar+"=") {
		t.Errorf("build with a missing %s: exit %d\n%s", search.EnvVar, code, stderr)
	}
}
