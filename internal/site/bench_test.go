package site

import "testing"

// BenchmarkBuildRealSite builds the whole real site in memory: loading and
// checking every input, and rendering every page, export and asset.
func BenchmarkBuildRealSite(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Build(root, Options{BaseURL: "/"}); errs.Err() != nil {
			b.Fatal(errs)
		}
	}
}
