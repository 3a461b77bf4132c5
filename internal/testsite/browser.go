package testsite

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browsers are the names a Chromium-based browser goes by: Debian's package,
// Ubuntu's, and Google's (preinstalled on GitHub's runners).
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Browser starts a headless browser for a test and returns its context. On
// a machine without one the test is skipped, except in CI, where a missing
// browser is an error: .ci/run installs Chromium.
func Browser(t testing.TB) context.Context {
	t.Helper()
	var path string
	for _, b := range browsers {
		if p, err := exec.LookPath(b); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium in CI; .ci/run installs it with apt-get install -y chromium")
		}
		t.Skip("no Chromium on this machine (apt-get install -y chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	)
	// The first run starts the browser; it must not have a timeout, which
	// would stop the browser with it. On a busy machine Chromium now and
	// then exits at once without a word; it is started again, twice at
	// most, before the test fails.
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		fresh := append(opts[:len(opts):len(opts)], chromedp.UserDataDir(t.TempDir()))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), fresh...)
		ctx, cancel := chromedp.NewContext(actx)
		if err = chromedp.Do(ctx); err == nil {
			t.Cleanup(func() { cancel(); cancelAlloc() })
			return ctx
		}
		cancel()
		cancelAlloc()
		time.Sleep(time.Duration(attempt) * 500 * time.Millisecond)
	}
	t.Fatalf("starting %s (3 attempts): %v", path, err)
	return nil
}

// Eval evaluates a JavaScript expression in the browser's page.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// JSProblems collects what pages in a browser report as wrong: uncaught
// exceptions and, when asked, console errors and warnings.
type JSProblems struct {
	mu   sync.Mutex
	list []string
}

// WatchJS starts collecting the JavaScript problems of the browser's pages;
// with console set, console errors and warnings count too.
func WatchJS(t testing.TB, ctx context.Context, console bool) *JSProblems {
	t.Helper()
	p := &JSProblems{}
	err := chromedp.Listen(ctx, func(ev any) {
		var s string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			s = fmt.Sprint(e.ExceptionDetails.Text, e.ExceptionDetails.Exception)
		case *runtime.EventConsoleAPICalled:
			if !console || (e.Type != runtime.ConsoleAPICalledTypeError && e.Type != runtime.ConsoleAPICalledTypeWarning) {
				return
			}
			s = fmt.Sprint("console ", e.Type, ": ", e.Args)
		default:
			return
		}
		p.mu.Lock()
		p.list = append(p.list, s)
		p.mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Take returns the problems collected since the last Take.
func (p *JSProblems) Take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	list := p.list
	p.list = nil
	return list
}
