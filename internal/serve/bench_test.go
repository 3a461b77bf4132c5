package serve

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"reportsite/internal/site"
	"reportsite/internal/synth"
	"reportsite/internal/testsite"
)

// BenchmarkEditToReload measures what an editor waits for: from saving a
// file to the open page showing the change. It runs the real server on a
// copy of the site, opens a page in headless Chromium, appends a sentence to
// the page's Markdown and waits until the reloaded page shows it.
func BenchmarkEditToReload(b *testing.B) {
	root := testsite.Copy(b)
	defer site.TuneGC(os.DirFS(root), true)() // as the serve command sets it
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go Run(ctx, Config{Root: root, Addr: "127.0.0.1:0", Log: io.Discard, Ready: ready})
	addr := <-ready
	browser := testsite.Browser(b)
	if err := chromedp.Do(browser, chromedp.Navigate("http://"+addr+"/en/about/")); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		marker := fmt.Sprintf("Edit number %d.", i)
		testsite.Edit(b, root, "content/en/about.md", func(s string) string { return s + "\n" + marker + "\n" })
		deadline := time.Now().Add(10 * time.Second)
		for {
			// The page reloads under the evaluation: errors are expected
			// while it does.
			ok, err := chromedp.Run(browser, chromedp.Evaluate[bool](`document.body !== null && document.body.textContent.includes(`+"`"+marker+"`"+`)`))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("the page did not show %q within 10 s", marker)
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// BenchmarkEditToRebuilt measures what the budget for the preview names:
// from saving a file (a figure's flag, changed back and forth) to the
// rebuilt site being served, with the watcher and the memo of the builds
// before, on the real site.
func BenchmarkEditToRebuilt(b *testing.B) {
	benchEditToRebuilt(b, testsite.Copy(b))
}

// BenchmarkEditToRebuiltSynthetic is BenchmarkEditToRebuilt on a
// synthetic site of 1,000 reports.
func BenchmarkEditToRebuiltSynthetic(b *testing.B) {
	dir := b.TempDir()
	files, err := synth.Site(os.DirFS(testsite.Root()), 1000)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	benchEditToRebuilt(b, dir)
}

func benchEditToRebuilt(b *testing.B, root string) {
	defer site.TuneGC(os.DirFS(root), true)() // as the serve command sets it
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := New(root, io.Discard)
	if errs := s.Rebuild(); errs.Err() != nil {
		b.Fatal(errs)
	}
	w, err := s.watch(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	file := "data/figures/2021-chongqing-work-report.toml"
	for i := 0; b.Loop(); i++ {
		s.mu.RLock()
		changed, v := s.changed, s.version
		s.mu.RUnlock()
		testsite.Edit(b, root, file, func(t string) string {
			if i%2 == 0 {
				return strings.Replace(t, "cumulative = false", "cumulative = true", 1)
			}
			return strings.Replace(t, "cumulative = true", "cumulative = false", 1)
		})
		<-changed
		s.mu.RLock()
		ok := s.version > v && s.errs == nil
		s.mu.RUnlock()
		if !ok {
			b.Fatalf("the rebuild after edit %d failed: %v", i, s.errs)
		}
	}
}
