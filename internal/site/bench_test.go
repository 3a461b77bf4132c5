package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"reportsite/internal/memo"
	"reportsite/internal/publish"
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

// benchBuild builds the site in fsys b.N times, writing it to disk as the
// build command does, and reports, besides time and allocations, the peak
// memory the process held from the OS (peak-MiB) and the number of pages.
func benchBuild(b *testing.B, fsys fs.FS) {
	b.ReportAllocs()
	defer TuneGC(fsys, false)() // as the build command sets it
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
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		// What the build command does: load, then render straight to a new
		// output folder that replaces the previous one.
		s, errs := Load(fsys, Options{BaseURL: "/"})
		if errs.Err() != nil {
			b.Fatal(errs)
		}
		tx, err := publish.Begin(out, publish.Guard{})
		if err != nil {
			b.Fatal(err)
		}
		st, errs := s.Render(fsys, tx)
		if errs.Err() != nil {
			b.Fatal(errs)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		pages = st.Pages
	}
	close(stop)
	<-done
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-MiB")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkRenderLayouts renders the real site's pages of each layout,
// one after the other on one goroutine, and reports the time of a page
// (ns/page): where a build's time goes, and what a change to a layout or
// to a writer in Go costs. Loading is outside the timer.
func BenchmarkRenderLayouts(b *testing.B) {
	defer TuneGC(root, false)() // as the build command sets it
	s, errs := Load(root, Options{BaseURL: "/"})
	if errs.Err() != nil {
		b.Fatal(errs)
	}
	byLayout := map[string][]*Page{}
	var layouts []string
	for _, p := range s.pages {
		if !strings.HasSuffix(p.File, ".html") {
			continue
		}
		if byLayout[p.Layout] == nil {
			layouts = append(layouts, p.Layout)
		}
		byLayout[p.Layout] = append(byLayout[p.Layout], p)
	}
	sort.Strings(layouts)
	discard := func(string, []byte) error { return nil }
	for _, l := range layouts {
		pages := byLayout[l]
		b.Run("layout="+l, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				for _, p := range pages {
					if errs := s.renderPage(p, &buf, discard); len(errs) > 0 {
						b.Fatal(errs)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// BenchmarkRebuild measures the preview's rebuild after an edit: one
// figure of the real site changed back and forth (its cumulative flag),
// the site built with the memo of the build before, as `serve` does. The
// edit is made outside the timer.
func BenchmarkRebuild(b *testing.B) {
	benchRebuild(b, testsite.Copy(b))
}

// BenchmarkRebuildSynthetic is BenchmarkRebuild on a synthetic site of
// 1,000 reports.
func BenchmarkRebuildSynthetic(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, testsite.Synthetic(b, 1000)); err != nil {
		b.Fatal(err)
	}
	benchRebuild(b, dir)
}

func benchRebuild(b *testing.B, root string) {
	fsys := os.DirFS(root)
	defer TuneGC(fsys, true)() // as the serve command sets it
	m := memo.New()
	opt := Options{BaseURL: "/", LiveReload: true, Memo: m}
	if _, errs := Build(fsys, opt); errs.Err() != nil {
		b.Fatal(errs)
	}
	m.Done()
	names, _ := filepath.Glob(filepath.Join(root, "data", "figures", "*.toml"))
	sort.Strings(names)
	file := names[len(names)/2]
	rendered := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		testsite.Edit(b, root, strings.TrimPrefix(file, root+"/"), func(s string) string {
			if i%2 == 0 {
				return strings.Replace(s, "cumulative = false", "cumulative = true", 1)
			}
			return strings.Replace(s, "cumulative = true", "cumulative = false", 1)
		})
		b.StartTimer()
		out, errs := Build(fsys, opt)
		if errs.Err() != nil {
			b.Fatal(errs)
		}
		m.Done()
		rendered = out.Rendered
	}
	b.ReportMetric(float64(rendered), "pages-rendered")
}
