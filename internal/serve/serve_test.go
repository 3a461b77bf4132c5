package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
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
