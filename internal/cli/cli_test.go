package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/testsite"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// snapshot hashes every file below dir.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBuildThenFailedBuildKeepsOutput(t *testing.T) {
	root := testsite.Copy(t)
	code, stdout, stderr := run("build", "-root", root)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !regexp.MustCompile(`^built \S+ in [0-9.]+(ms|s): \d+ pages, \d+ charts, \d+ figures, \d+ files; (no search index|search index of \d+ pages .*)\n$`).MatchString(stdout) {
		t.Errorf("build printed %q, want one summary line", stdout)
	}
	before := snapshot(t, filepath.Join(root, "public"))
	if len(before) < 400 {
		t.Fatalf("only %d files built", len(before))
	}

	// Break two inputs: both errors are reported, with positions, and
	// nothing is written.
	testsite.Edit(t, root, "data/figures/2020-chongqing-review.toml", func(s string) string {
		return regexp.MustCompile(`region\s*=\s*"chongqing"`).ReplaceAllString(s, `region = "chongqin"`)
	})
	testsite.Edit(t, root, "content/en/about.md", func(s string) string { return strings.Replace(s, "+++\ntitle", "+++\ntitel", 1) })
	code, _, stderr = run("build", "-root", root)
	if code != 1 {
		t.Errorf("build with bad input: exit %d, want 1", code)
	}
	for _, want := range []string{
		`data/figures/2020-chongqing-review.toml:`, `: unknown region "chongqin" (use chongqing, sichuan, chengdu-chongqing, china)`,
		`content/en/about.md:2:1: unknown key "titel"`, "left as it was",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	after := snapshot(t, filepath.Join(root, "public"))
	if len(after) != len(before) {
		t.Errorf("failed build changed the output: %d files before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("failed build changed %s", p)
		}
	}
}

func TestBuildOutAndBaseURL(t *testing.T) {
	root := testsite.Copy(t)
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := run("build", "-root", root, "-out", out, "-base-url", "https://owner.github.io/repo/"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "en", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `href="https://owner.github.io/repo/assets/css/site.css"`) {
		t.Error("pages do not use the -base-url")
	}
	if code, _, stderr := run("build", "-root", root, "-out", out, "-base-url", "owner.github.io"); code != 1 || !strings.Contains(stderr, "neither an http(s) URL nor a path") {
		t.Errorf("bad -base-url: exit %d, stderr %q", code, stderr)
	}
}

func TestCheck(t *testing.T) {
	root := testsite.Copy(t)
	code, stdout, _ := run("check", "-root", root)
	if code != 0 || !strings.Contains(stdout, "check: ok") {
		t.Fatalf("check: exit %d\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}
	testsite.Edit(t, root, "data/indicators.toml", func(s string) string {
		return strings.Replace(s, `category         = "economy"`, `category         = "econ"`, 1)
	})
	code, stdout, _ = run("check", "-root", root)
	if code != 1 || !strings.Contains(stdout, `unknown category "econ"`) {
		t.Errorf("check with a bad category: exit %d\n%s", code, stdout)
	}
}

func TestTranslateSkeleton(t *testing.T) {
	root := testsite.Copy(t)
	p := filepath.Join(root, "data/translations/en/2020-chongqing-review.toml")
	before, _ := os.ReadFile(p)
	if code, stdout, stderr := run("translate", "-root", root, "-report", "2020-chongqing-review"); code != 0 || !strings.Contains(stdout, "27 blocks") {
		t.Fatalf("translate: exit %d\n%s%s", code, stdout, stderr)
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("translate changed a complete translation")
	}
	os.Remove(p)
	if code, _, _ := run("translate", "-root", root, "-report", "2020-chongqing-review"); code != 0 {
		t.Fatal("translate of a new report failed")
	}
	b, _ := os.ReadFile(p)
	if strings.Count(string(b), "\n[[block]]\n") != 27 || strings.Count(string(b), `en = ""`) != 27 {
		t.Errorf("skeleton has %d blocks, %d empty", strings.Count(string(b), "\n[[block]]\n"), strings.Count(string(b), `en = ""`))
	}
	code, stdout, _ := run("check", "-root", root)
	if code != 0 || !strings.Contains(stdout, "27 blocks have empty English text") {
		t.Errorf("check after an empty skeleton: exit %d\n%s", code, stdout)
	}
}

func TestUsage(t *testing.T) {
	if code, _, stderr := run(); code != 2 || !strings.Contains(stderr, "Usage:") {
		t.Errorf("no command: exit %d", code)
	}
	if code, _, stderr := run("bild"); code != 2 || !strings.Contains(stderr, `unknown command "bild"`) {
		t.Errorf("unknown command: exit %d, %q", code, stderr)
	}
	if code, _, _ := run("build", "-nope"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, _, _ := run("translate"); code != 2 {
		t.Errorf("translate without -report: exit %d", code)
	}
}

// TestBuildDefaults builds as the README says, from the site's root with
// no flags.
func TestBuildDefaults(t *testing.T) {
	root := testsite.Copy(t)
	t.Chdir(root)
	if code, _, stderr := run("build"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "public", "en", "index.html")); err != nil {
		t.Error(err)
	}
}
