package site

import (
	"fmt"
	"io/fs"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"reportsite/internal/testsite"
)

// BenchmarkBuildRealSite builds the whole real site in memory: loading and
// checking every input, and rendering every page, export and asset.
func BenchmarkBuildRealSite(b *testing.B) {
	benchBuild(b, root)
}

// BenchmarkBuildSynthetic builds synthetic sites of growing size, made from
// the real reports (with their figures and translations), to show how the
// cost grows with the number of reports.
func BenchmarkBuildSynthetic(b *testing.B) {
	for _, n := range []int{100, 250, 500, 1000} {
		fsys := testsite.Synthetic(b, n)
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) { benchBuild(b, fsys) })
	}
}

// benchBuild builds the site in fsys b.N times and reports, besides time and
// allocations, the peak memory the process held from the OS (peak-MiB) and
// the number of pages.
func benchBuild(b *testing.B, fsys fs.FS) {
	b.ReportAllocs()
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64() - s[1].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	pages := 0
	for b.Loop() {
		out, errs := Build(fsys, Options{BaseURL: "/"})
		if errs.Err() != nil {
			b.Fatal(errs)
		}
		pages = out.Pages
	}
	close(stop)
	<-done
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-MiB")
	b.ReportMetric(float64(pages), "pages")
}
