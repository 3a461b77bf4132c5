package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"reportsite/internal/testsite"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRebuildErrorAndRecovery edits inputs the way an editor does: a good
// change shows up, a bad one keeps the last good site with the error on
// top, and fixing it clears the error.
func TestRebuildErrorAndRecovery(t *testing.T) {
	root := testsite.Copy(t)
	s := New(root, io.Discard)
	if errs := s.Rebuild(); errs.Err() != nil {
		t.Fatal(errs)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	code, body := get(t, ts.URL+"/en/")
	if code != 200 || !strings.Contains(body, `/_reportsite/reload.js`) {
		t.Fatalf("GET /en/: %d; reload script present: %v", code, strings.Contains(body, "reload.js"))
	}
	if code, _ := get(t, ts.URL+"/en/no-such-page/"); code != 404 {
		t.Errorf("GET a missing page: %d, want 404", code)
	}

	testsite.Edit(t, root, "data/site.toml", func(s string) string {
		return strings.Replace(s, `title_en = "Chongqing and Sichuan Manufacturing Reports"`, `title_en = "Renamed Site"`, 1)
	})
	s.Rebuild()
	if _, body := get(t, ts.URL+"/en/"); !strings.Contains(body, "Renamed Site") {
		t.Error("a good change did not show up")
	}

	testsite.Edit(t, root, "data/site.toml", func(s string) string {
		return strings.Replace(s, `title_en = "Renamed Site"`, `title_en = "Broken`, 1)
	})
	s.Rebuild()
	code, body = get(t, ts.URL+"/en/")
	if code != 200 {
		t.Errorf("after a bad change: %d", code)
	}
	for _, want := range []string{`id="reportsite-errors"`, "data/site.toml:3:", "Renamed Site", `title_en = &#34;Broken`} {
		if !strings.Contains(body, want) {
			t.Errorf("after a bad change the page lacks %q", want)
		}
	}

	testsite.Edit(t, root, "data/site.toml", func(s string) string {
		return strings.Replace(s, `title_en = "Broken`, `title_en = "Fixed Site"`, 1)
	})
	s.Rebuild()
	_, body = get(t, ts.URL+"/en/")
	if strings.Contains(body, "reportsite-errors") || !strings.Contains(body, "Fixed Site") {
		t.Error("the page did not recover after the fix")
	}
}

// TestWatchReloads runs the real server: saving a file triggers a rebuild
// and a reload event for open pages.
func TestWatchReloads(t *testing.T) {
	root := testsite.Copy(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Config{Root: root, Addr: "127.0.0.1:0", Log: io.Discard, Ready: ready}) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/_reportsite/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			events <- sc.Text()
		}
	}()
	<-events // "retry: 500": the stream is open
	testsite.Edit(t, root, "content/en/about.md", func(s string) string { return s + "\nA new sentence.\n" })
	deadline := time.After(30 * time.Second)
	for {
		select {
		case line := <-events:
			if line == "event: reload" {
				_, body := get(t, "http://"+addr+"/en/about/")
				if !strings.Contains(body, "A new sentence.") {
					t.Error("reloaded page lacks the edit")
				}
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Run: %v", err)
				}
				return
			}
		case <-deadline:
			t.Fatal("no reload event after an edit")
		}
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	err := Run(context.Background(), Config{Root: t.TempDir(), Addr: "0.0.0.0:1313", Log: io.Discard})
	if err == nil || !strings.Contains(err.Error(), "loopback only") {
		t.Errorf("Run on 0.0.0.0: %v", err)
	}
}

// TestSurvivesEveryMistake starts the preview on a site whose first build
// fails, breaks it in the ways that once crashed it, and checks that it
// keeps serving, shows the cause first, and recovers once the input is
// fixed.
func TestSurvivesEveryMistake(t *testing.T) {
	root := testsite.Copy(t)
	quote := `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0%"`
	figures := "data/figures/2020-sichuan-review.toml"
	testsite.Edit(t, root, figures, func(s string) string {
		return strings.Replace(s, quote, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0％"`, 1)
	})
	s := New(root, io.Discard)
	if errs := s.Rebuild(); errs.Err() == nil {
		t.Fatal("a quote with a typo built")
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	code, body := get(t, ts.URL+"/en/")
	if code != 404 || !strings.Contains(body, "data/figures/2020-sichuan-review.toml:16:14: quote not found") || !strings.Contains(body, "1 more error") {
		t.Errorf("first build failed: GET /en/ = %d, want the error page with the cause and its follower folded\n%s", code, body)
	}

	for _, broken := range []struct{ file, old, new string }{
		{"seeds/001_69ed86bf7a6d565d.txt", "", ""}, // emptied
		{"data/reports.toml", `published   = "2022-05-17"`, `published   = "2021-13"`},
		{"data/indicators.toml", "[[indicator]]\nid", "[[indicator]\nid"},
	} {
		testsite.Edit(t, root, figures, func(s string) string {
			return strings.Replace(s, `增长4.0％"`, `增长4.0%"`, 1)
		})
		var before string
		testsite.Edit(t, root, broken.file, func(s string) string {
			before = s
			if broken.old == "" {
				return ""
			}
			return strings.Replace(s, broken.old, broken.new, 1)
		})
		if errs := s.Rebuild(); errs.Err() == nil {
			t.Fatalf("%s: the broken input built", broken.file)
		}
		if _, body := get(t, ts.URL+"/en/"); !strings.Contains(body, `id="reportsite-errors"`) || !strings.Contains(body, broken.file) {
			t.Errorf("%s: the page does not show the error", broken.file)
		}
		testsite.Edit(t, root, broken.file, func(string) string { return before })
		if errs := s.Rebuild(); errs.Err() != nil {
			t.Fatalf("%s: fixed, but: %v", broken.file, errs)
		}
		if code, body := get(t, ts.URL+"/en/"); code != 200 || strings.Contains(body, "reportsite-errors") {
			t.Errorf("%s: fixed, but GET /en/ = %d with errors", broken.file, code)
		}
	}
}

func TestWarningsInThePage(t *testing.T) {
	root := testsite.Copy(t)
	testsite.Edit(t, root, "data/translations/en/2020-sichuan-review.toml", func(s string) string {
		return strings.Replace(s, `en = "Key work in 2020"`, `en = ""`, 1)
	})
	var log strings.Builder
	s := New(root, &log)
	if errs := s.Rebuild(); errs.Err() != nil {
		t.Fatal(errs)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	_, body := get(t, ts.URL+"/en/")
	if !strings.Contains(body, `id="reportsite-warnings"`) || !strings.Contains(body, "1 block has empty English text: h-56") {
		t.Error("the page does not show the warning")
	}
	if !strings.Contains(log.String(), "warning: 1 block has empty English text: h-56") {
		t.Errorf("the terminal does not show the warning:\n%s", log.String())
	}
}

// TestRedirectsStayOnTheSite: a folder without its final slash is
// redirected to the cleaned path, never to another host.
func TestRedirectsStayOnTheSite(t *testing.T) {
	s := New(testsite.Copy(t), io.Discard)
	if errs := s.Rebuild(); errs.Err() != nil {
		t.Fatal(errs)
	}
	for path, want := range map[string]string{
		"/zh":                   "/zh/",
		"//evil.example/../zh":  "/zh/",
		"/./en/../zh":           "/zh/",
		"/en//about":            "/en/about/",
		`/\evil.example/../zh`:  "/zh/",
		"//evil.example/%2e%2e": "",
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1:1313/", nil)
		req.URL.Path = path
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		loc := rec.Header().Get("Location")
		if loc != want {
			t.Errorf("GET %s: %d, Location %q, want %q", path, rec.Code, loc, want)
		}
	}
}

// TestReloadNotMissed: a rebuild that ends after a page was served but
// before its reload script listens still reloads it. The page's script
// address carries the rebuild the page shows; the event stream opened with
// an older one says "reload" at once, and with the current one waits.
func TestReloadNotMissed(t *testing.T) {
	s := New(testsite.Copy(t), io.Discard)
	if errs := s.Rebuild(); errs.Err() != nil {
		t.Fatal(errs)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	_, page := get(t, ts.URL+"/en/about/")
	m := regexp.MustCompile(`src="(/_reportsite/reload\.js\?v=(\d+))"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page's reload script does not say which rebuild the page shows")
	}
	// The first event of a stream opened with version v, or "" if none
	// comes within a second.
	first := func(v string) string {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/_reportsite/events?v="+v, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				return sc.Text()
			}
		}
		return ""
	}
	if e := first(m[2]); e != "" {
		t.Errorf("a page of the current rebuild got %q", e)
	}
	s.Rebuild() // while the page was loading
	if e := first(m[2]); e != "event: reload" {
		t.Errorf("a page of the rebuild before got %q, want a reload at once", e)
	}
	if _, js := get(t, ts.URL+m[1]); !strings.Contains(js, "?v=") {
		t.Error("the reload script does not pass the page's rebuild on")
	}
}
