package publish

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// write replaces out with files, as a build does.
func write(out string, g Guard, files map[string][]byte) error {
	tx, err := Begin(out, g)
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := tx.Write(p, files[p]); err != nil {
			tx.Abort()
			return err
		}
	}
	return tx.Commit()
}

func TestWriteReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, Guard{}, map[string][]byte{"a/index.html": []byte("one"), "stale.txt": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := write(out, Guard{}, map[string][]byte{"a/index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "two" {
		t.Errorf("a/index.html = %q, want two", b)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.txt")); !os.IsNotExist(err) {
		t.Errorf("stale.txt survived a rebuild: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("the output has no marker: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

// TestWriteReplacesDifferentTree replaces an output whose files and
// folders differ from the new one's (a file where a folder now is, a
// folder the new output has not, files written by another program), and
// checks that nothing of the previous output is left.
func TestWriteReplacesDifferentTree(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, Guard{}, map[string][]byte{"a/b/c/index.html": []byte("1"), "a/b/x.txt": []byte("2"), "d": []byte("3"), "e/f/g.txt": []byte("4")}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(out, "pagefind", "fragment"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "pagefind", "fragment", "x.pf"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(out, Guard{}, map[string][]byte{"a/b/c/index.html": []byte("new"), "d/index.html": []byte("5"), "e": []byte("6")}); err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	want := []string{Marker, "a/b/c/index.html", "d/index.html", "e"}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files after the rebuild: %v, want %v", got, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

// TestWriteReplacesLinkedFolder replaces an output in which a folder has
// been replaced by a link to a folder outside it: the rebuild removes the
// link, not what the link leads to.
func TestWriteReplacesLinkedFolder(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "public")
	if err := write(out, Guard{}, map[string][]byte{"data/figures.csv": []byte("1"), "index.html": []byte("2")}); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(base, "data")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(outside, "figures.csv")
	if err := os.WriteFile(kept, []byte("the editor's own"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(out, "data")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "data")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := write(out, Guard{}, map[string][]byte{"data/figures.csv": []byte("3"), "index.html": []byte("4")}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != "the editor's own" {
		t.Errorf("the file the link led to: %q, %v", b, err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "data", "figures.csv")); string(b) != "3" {
		t.Errorf("data/figures.csv = %q, want 3", b)
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 2 {
		t.Errorf("beside the output: %v, want data and public", entries)
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, Guard{}, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder of the same name cannot both be written.
	err := write(out, Guard{}, map[string][]byte{"x": []byte("file"), "x/y": []byte("in a folder")})
	if err == nil {
		t.Fatal("write of impossible files succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "old" {
		t.Errorf("index.html = %q after a failed write, want old", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

// TestWriteRelative writes to a relative folder, as `build` does by default
// (ROOT/public with ROOT ".").
func TestWriteRelative(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := write("public", Guard{Root: "."}, map[string][]byte{"index.html": []byte("x"), "zh/a/index.html": []byte("y")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile("public/zh/a/index.html"); string(b) != "y" {
		t.Errorf("public/zh/a/index.html = %q", b)
	}
	if err := write("public", Guard{Root: "."}, map[string][]byte{"../escape.html": []byte("x")}); err == nil {
		t.Error("a path outside the output folder was written")
	}
	if _, err := os.Stat("escape.html"); !os.IsNotExist(err) {
		t.Error("escape.html exists")
	}
}

// TestGuard tries every output folder a build must refuse, on a copy of a
// site's layout, and checks that nothing was touched.
func TestGuard(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "site")
	for _, p := range []string{"seeds/a.txt", "data/site.toml", "content/zh/about.md", "layouts/base.html", ".git/HEAD", "notes/todo.txt"} {
		mkfile(t, filepath.Join(root, p), "keep")
	}
	if err := os.Symlink(filepath.Join(root, "data"), filepath.Join(base, "link-to-data")); err != nil {
		t.Fatal(err)
	}
	g := Guard{Root: root, Inputs: []string{"seeds", "data", "content", "layouts"}}
	for _, tc := range []struct{ out, reason string }{
		{root, "it is the site's root"},
		{root + "/", "it is the site's root"},
		{filepath.Join(root, "data", ".."), "it is the site's root"},
		{base, "it holds the site's root"},
		{"/", "it holds the site's root"},
		{filepath.Join(root, "seeds"), "it lies inside the input folder seeds/"},
		{filepath.Join(root, "data", "out"), "it lies inside the input folder data/"},
		{filepath.Join(root, "content", "zh"), "it lies inside the input folder content/"},
		{filepath.Join(root, "layouts", "x", "y"), "it lies inside the input folder layouts/"},
		{filepath.Join(base, "link-to-data", "public"), "it lies inside the input folder data/"},
		{filepath.Join(root, ".git"), "it is a folder that holds files, and no earlier build wrote it"},
		{filepath.Join(root, "notes"), "it is a folder that holds files, and no earlier build wrote it"},
		{filepath.Join(root, "notes", "todo.txt"), "it is a file, not a folder"},
	} {
		t.Run(tc.out, func(t *testing.T) {
			before := tree(t, base)
			err := write(tc.out, g, map[string][]byte{"index.html": []byte("new")})
			var re *RefusedError
			if !errors.As(err, &re) || !strings.Contains(re.Reason, tc.reason) {
				t.Fatalf("write(%s) = %v, want a refusal: %s", tc.out, err, tc.reason)
			}
			if after := tree(t, base); after != before {
				t.Errorf("a refused write changed the files:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
	for _, out := range []string{filepath.Join(root, "public"), filepath.Join(base, "elsewhere"), filepath.Join(root, "empty")} {
		if strings.HasSuffix(out, "empty") {
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := write(out, g, map[string][]byte{"index.html": []byte("new")}); err != nil {
			t.Errorf("write(%s): %v", out, err)
		}
		// A folder a build wrote is replaced by the next build.
		if err := write(out, g, map[string][]byte{"index.html": []byte("newer")}); err != nil {
			t.Errorf("second write(%s): %v", out, err)
		}
	}
}

func mkfile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree lists every file below dir with its contents.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&os.ModeSymlink != 0 || d.IsDir() {
			b.WriteString(p + "/\n")
			return nil
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + " " + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
