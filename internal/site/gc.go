package site

import (
	"io/fs"
	"os"
	"runtime/debug"
)

// Inputs are the folders below a site's root that it is built from (and
// that the preview watches).
var Inputs = []string{"seeds", "data", "content", "layouts"}

// TuneGC sets the garbage collector for a build (preview false) or a
// preview of the site in fsys, unless GOGC or GOMEMLIMIT in the environment
// say otherwise, and returns a func that restores the settings before it
// (for benchmarks). The soft memory limit, past which the collector works
// harder, scales with the size of the inputs instead of being one number:
//
//   - A build is one burst of allocation whose live data grows with the
//     inputs (about twice their size after loading; the pages being
//     rendered and the exports being written need more). Its limit is six
//     times the inputs, at least 256 MiB, and the collector waits for it,
//     as collecting earlier only costs time, except where that floor is
//     several times what the build needs and would all be taken: for
//     inputs of 4 to 43 MB (100 to 400 reports) the heap may grow to three
//     times the live data before a collection. Below that a build
//     allocates less than 64 MB in all (the real site's 1.7 MB of inputs,
//     43 MB); above, six times the inputs is about what the build holds
//     anyway. Measured: at 1,000 reports waiting saves 4% of the CPU, for
//     at most 5% more memory; at 100 reports it saved no time and took
//     250 MB instead of 110.
//   - A preview keeps the whole site and what its next rebuild can reuse
//     in memory, about eight times the inputs (780 MB for the 101 MB of
//     1,000 reports): the heap may grow to twice the live data, up to a
//     limit of sixteen times the inputs (at least 512 MiB). Below its live
//     data, the collector would run all the time.
func TuneGC(fsys fs.FS, preview bool) (restore func()) {
	percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(percent)
	gogc, factor, floor := 200, int64(6), int64(256<<20)
	if preview {
		gogc, factor, floor = 100, 16, 512<<20
	}
	size := inputSize(fsys)
	if !preview && (64*size <= floor || factor*size >= floor) {
		gogc = -1 // off: the collector runs when the heap nears the limit
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gogc)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(floor, factor*size))
	}
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// inputSize is the size of the files in the site's input folders.
func inputSize(fsys fs.FS) int64 {
	var n int64
	for _, dir := range Inputs {
		fs.WalkDir(fsys, dir, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}
