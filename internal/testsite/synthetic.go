package testsite

import (
	"os"
	"testing"
	"testing/fstest"

	"reportsite/internal/synth"
)

// Synthetic returns a site of n reports in both languages, made from the
// real one by the generator behind `synthsite` (internal/synth): the real
// reports are repeated under new ids (with their figures and translations),
// so that size grows and nothing else changes.
func Synthetic(t testing.TB, n int) fstest.MapFS {
	t.Helper()
	files, err := synth.Site(os.DirFS(Root()), n)
	if err != nil {
		t.Fatal(err)
	}
	fsys := make(fstest.MapFS, len(files))
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	return fsys
}
