package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"reportsite/internal/site"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"增长5.5%":          `增长5\.5\%`,
		"# not a heading": `\# not a heading`,
		"1. not a list":   `1\. not a list`,
		"*a* [b](c) <d>":  `\*a\* \[b\]\(c\) \<d\>`,
		"two\nlines":      "two lines",
		"“5+1” {#p-1}":    `“5\+1” \{\#p\-1\}`,
		"plain 中文，全角标点。":  "plain 中文，全角标点。",
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTwin makes the twin of the real site and, when Hugo is installed,
// builds it: every report must have its page in both languages.
func TestTwin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "twin")
	n, err := twin("../..", dir)
	if err != nil {
		t.Fatal(err)
	}
	real, errs := site.Load(os.DirFS("../.."), site.Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	for pattern, want := range map[string]int{
		"content/*/reports/[0-9]*.md":         2 * n,
		"content/*/years/*/_index.md":         2 * len(real.Years),
		"content/*/indicators/*/_index.md":    2 * len(real.Data.Indicators),
		"static/assets/css/site.css":          1,
		"layouts/_default/baseof.html":        1,
		"content/zh/reports/2020-*-review.md": 2,
	} {
		got, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(got) != want {
			t.Errorf("the twin has %d files %s, want %d", len(got), pattern, want)
		}
	}
	if _, err := twin("../..", dir); err == nil {
		t.Error("twin wrote into a folder that is not empty")
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	if b, err := exec.Command(hugo, "--quiet", "--source", dir, "--destination", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	for _, lang := range langs {
		got, _ := filepath.Glob(filepath.Join(out, lang, "reports", "*", "index.html"))
		if len(got) != n {
			t.Errorf("Hugo wrote %d %s report pages, want %d", len(got), lang, n)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "zh", "years", "index.html")); err == nil {
		t.Error("Hugo rendered the years list page, which reportsite does not have")
	}
}
