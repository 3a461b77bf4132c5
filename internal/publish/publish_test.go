package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, map[string][]byte{"a/index.html": []byte("one"), "stale.txt": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"a/index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "two" {
		t.Errorf("a/index.html = %q, want two", b)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.txt")); !os.IsNotExist(err) {
		t.Errorf("stale.txt survived a rebuild: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder of the same name cannot both be written.
	err := Write(out, map[string][]byte{"x": []byte("file"), "x/y": []byte("in a folder")})
	if err == nil {
		t.Fatal("Write of impossible files succeeded")
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
	if err := Write("public", map[string][]byte{"index.html": []byte("x"), "zh/a/index.html": []byte("y")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile("public/zh/a/index.html"); string(b) != "y" {
		t.Errorf("public/zh/a/index.html = %q", b)
	}
	if err := Write("public", map[string][]byte{"../escape.html": []byte("x")}); err == nil {
		t.Error("a path outside the output folder was written")
	}
	if _, err := os.Stat("escape.html"); !os.IsNotExist(err) {
		t.Error("escape.html exists")
	}
}
