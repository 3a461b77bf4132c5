package serve

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"reportsite/internal/testsite"
)

// BenchmarkEditToReload measures what an editor waits for: from saving a
// file to the open page showing the change. It runs the real server on a
// copy of the site, opens a page in headless Chromium, appends a sentence to
// the page's Markdown and waits until the reloaded page shows it.
func BenchmarkEditToReload(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as the serve command sets it
	root := testsite.Copy(b)
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
