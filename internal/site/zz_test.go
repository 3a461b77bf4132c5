package site

import (
	"bytes"
	"os"
	"testing"
)

func BenchmarkZZLayout(b *testing.B) {
	s, errs := Load(os.DirFS(os.Getenv("ZZROOT")), Options{BaseURL: "/"})
	if errs.Err() != nil {
		b.Fatal(errs)
	}
	var pages []*Page
	for _, p := range s.pageTree() {
		if p.Layout == os.Getenv("ZZ") {
			q := *p
			if q.fill != nil {
				q.fill(&q)
			}
			pages = append(pages, &q)
		}
	}
	var buf bytes.Buffer
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			s.templates.ExecuteTo(&buf, p.Layout, &View{Page: p, Site: s, out: &buf})
		}
	}
}
