// Package testsite copies the project's real inputs (seeds, data, content,
// layouts) into a temporary folder, so that end-to-end tests can build,
// break and fix a site without touching the repository.
package testsite

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository root.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Copy copies the inputs of the real site into a new temporary folder and
// returns its path.
func Copy(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	for _, dir := range []string{"seeds", "data", "content", "layouts"} {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(Root(), dir))); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// Edit rewrites a file of a copied site.
func Edit(t testing.TB, root, rel string, edit func(string) string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(edit(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}
