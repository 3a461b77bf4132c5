package site

import (
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTuneGC: the soft memory limit is six times the inputs for a build
// (at least 256 MiB) and sixteen for a preview (at least 512 MiB), GOGC
// and GOMEMLIMIT in the environment win, and the settings before come back.
func TestTuneGC(t *testing.T) {
	big := fstest.MapFS{
		"data/figures/a.toml": {Data: []byte(strings.Repeat("x", 100<<20))},
		"seeds/a.txt":         {Data: []byte(strings.Repeat("y", 10<<20))},
		"public/big.html":     {Data: []byte(strings.Repeat("z", 500<<20))}, // output, not input
	}
	small := fstest.MapFS{"data/site.toml": {Data: []byte("x")}}
	medium := fstest.MapFS{"data/figures/a.toml": {Data: []byte(strings.Repeat("x", 10<<20))}}
	before := debug.SetMemoryLimit(-1)
	percentBefore := debug.SetGCPercent(-1)
	debug.SetGCPercent(percentBefore)
	for _, tc := range []struct {
		name    string
		fsys    fstest.MapFS
		preview bool
		env     string
		limit   int64
		percent int
	}{
		{"large site: no collection below the limit", big, false, "", 6 * 110 << 20, -1},
		{"small site: no collection below the limit", small, false, "", 256 << 20, -1},
		{"medium site", medium, false, "", 256 << 20, 200},
		{"large site, preview", big, true, "", 16 * 110 << 20, 100},
		{"small site, preview", small, true, "", 512 << 20, 100},
		{"GOMEMLIMIT set", medium, false, "GOMEMLIMIT", before, 200},
		{"GOGC set", small, false, "GOGC", 256 << 20, percentBefore},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv("GOGC", "")
			if tc.env == "GOMEMLIMIT" {
				t.Setenv(tc.env, "1GiB")
			}
			if tc.env == "GOGC" {
				t.Setenv(tc.env, "100")
			}
			restore := TuneGC(tc.fsys, tc.preview)
			got := debug.SetMemoryLimit(-1)
			percent := debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			restore()
			if got != tc.limit {
				t.Errorf("limit %d MiB, want %d MiB", got>>20, tc.limit>>20)
			}
			if percent != tc.percent {
				t.Errorf("GOGC %d, want %d", percent, tc.percent)
			}
			if after := debug.SetMemoryLimit(-1); after != before {
				t.Errorf("limit after restore %d, want %d", after, before)
			}
			if after := debug.SetGCPercent(-1); after != percentBefore {
				t.Errorf("GOGC after restore %d, want %d", after, percentBefore)
			}
			debug.SetGCPercent(percentBefore)
		})
	}
}
