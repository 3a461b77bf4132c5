package site

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"reportsite/internal/testsite"
)

// TestCiteInBrowser uses the citations as a reader does, in headless
// Chromium: on a report page, each form of the report's citation is copied
// with one click, said in a live region and on the button; on a table of
// figures, a row's Cite button, reached and pressed with the keyboard,
// opens a dialog with the figure's citation — the same text, BibTeX and
// CSL-JSON that internal/site/cite.go gives — which Escape closes, giving
// the focus back to the button.
func TestCiteInBrowser(t *testing.T) {
	var fsys fstest.MapFS
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.FileServer(http.FS(fsys)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	// Built for the test server's address, so that the citations hold the
	// same absolute addresses as the browser resolves.
	base := srv.URL + "/"
	out, errs := Build(root, Options{BaseURL: base})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	s, _ := Load(root, Options{BaseURL: base})
	fsys = fstest.MapFS{}
	for p, b := range out.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	ctx := testsite.Browser(t)
	js := testsite.WatchJS(t, ctx, false)
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	poll := func(what, expr string) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := chromedp.Run(step, chromedp.Poll[bool](expr)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// The clipboard of a headless browser is not to be relied on: the test
	// keeps what is copied.
	const stubClipboard = `Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: t => { window.copied = t; return Promise.resolve(); }}}); true`

	for _, tc := range []struct{ lang, page string }{
		{"zh", "zh/reports/2021-2025-chongqing-plans/"},
		{"en", "en/reports/2021-chongqing-work-report/"},
		{"en", "en/indicators/industrial-value-added-growth/"},
		{"zh", "zh/indicators/smart-factories/"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			run("open "+tc.page, chromedp.Navigate(base+tc.page), chromedp.WaitReady(chromedp.CSS("button.cite-row")))
			testsite.Eval[bool](t, ctx, stubClipboard)
			if strings.Contains(tc.page, "/reports/") {
				id := strings.Split(tc.page, "/")[2]
				c := s.reportCitation(s.Data.Report(id), tc.lang)
				if n := testsite.Eval[int](t, ctx, `document.querySelectorAll("#cite .cite-copy").length`); n != 3 {
					t.Fatalf("%d copy buttons in the report's citation, want 3", n)
				}
				run("copy the BibTeX", chromedp.Click(chromedp.CSS("#cite > summary")), chromedp.Click(chromedp.CSS("#cite .cite-copy:nth-of-type(2)")))
				poll("copy the BibTeX", `window.copied !== undefined`)
				if got := testsite.Eval[string](t, ctx, `window.copied`); got != c.BibTeX() {
					t.Errorf("copied\n%s\nwant\n%s", got, c.BibTeX())
				}
				said := testsite.Eval[string](t, ctx, `document.querySelector("#cite [role=status][aria-live=polite]").textContent`)
				button := testsite.Eval[string](t, ctx, `document.querySelectorAll("#cite .cite-copy")[1].textContent`)
				if want := s.t(tc.lang, "cite.copied"); said != want || !strings.HasPrefix(button, want) {
					t.Errorf("after copying, the live region says %q and the button %q; want %q", said, button, want)
				}
			}
			// The first row's Cite button, by keyboard.
			fid := testsite.Eval[string](t, ctx, `(() => { const tr = document.querySelector("table.figures tbody tr"); return tr.dataset.f || tr.id.slice(2); })()`)
			f := s.Data.Figure(fid)
			if f == nil {
				t.Fatalf("the first row names figure %q, which does not exist", fid)
			}
			testsite.Eval[bool](t, ctx, `document.querySelector("table.figures tbody tr button.cite-row").focus(); true`)
			run("press Enter on Cite", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("dialog.cite-dialog[open]")))
			if !testsite.Eval[bool](t, ctx, `!!document.activeElement.closest("dialog[open]")`) {
				t.Error("the focus is not in the open dialog")
			}
			got := testsite.Eval[[]string](t, ctx, `[...document.querySelectorAll("dialog.cite-dialog pre")].map(p => p.textContent)`)
			c := s.reportCitation(f.Report, tc.lang)
			c.ID, c.URL = f.ID, s.ReportURL(tc.lang, f.ReportID)+"#"+f.Paragraph()
			about := fmt.Sprintf(s.t(tc.lang, "cite.figure"), f.Indicator.Name(tc.lang), s.regionName(f.Region, tc.lang), f.Period.Label(tc.lang), s.t(tc.lang, "kind."+f.Kind), f.Display(tc.lang))
			c.Note = strings.TrimSpace(about + " " + c.Note)
			want := []string{c.Text(), c.BibTeX(), c.JSON()}
			if strings.Join(got, "\n\n") != strings.Join(want, "\n\n") {
				t.Errorf("the dialog shows\n%s\nwant\n%s", strings.Join(got, "\n\n"), strings.Join(want, "\n\n"))
			}
			run("copy the text", chromedp.Click(chromedp.CSS("dialog.cite-dialog .cite-copy")))
			poll("copy the text", `window.copied === document.querySelector("dialog.cite-dialog pre").textContent`)
			if said := testsite.Eval[string](t, ctx, `document.querySelector("dialog.cite-dialog [role=status][aria-live=polite]").textContent`); said != s.t(tc.lang, "cite.copied") {
				t.Errorf("the dialog's live region says %q after copying", said)
			}
			run("press Escape", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(chromedp.CSS("dialog.cite-dialog[open]")))
			if !testsite.Eval[bool](t, ctx, `document.activeElement === document.querySelector("table.figures tbody tr button.cite-row")`) {
				t.Error("after Escape the focus is not back on the row's Cite button")
			}
		})
	}
	if problems := js.Take(); len(problems) > 0 {
		t.Errorf("JavaScript errors: %v", problems)
	}
}
