package site

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// TestServedUnderSubPath builds the site for a GitHub project site, serves
// it under /repo/ as GitHub Pages would, and follows every link and asset
// from the language chooser: each must answer 200, stay below /repo/, and
// every #fragment must exist on its page.
func TestServedUnderSubPath(t *testing.T) {
	out, errs := Build(root, Options{BaseURL: "/repo/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	fsys := fstest.MapFS{}
	for p, b := range out.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	mux := http.NewServeMux()
	mux.Handle("/repo/", http.StripPrefix("/repo/", http.FileServer(http.FS(fsys))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	type link struct{ from, url string }
	queue := []link{{"", "/repo/"}}
	seen := map[string]bool{"/repo/": true}
	ids := map[string]map[string]bool{} // page path -> ids
	var fragments []link
	for len(queue) > 0 {
		l := queue[0]
		queue = queue[1:]
		resp, err := http.Get(srv.URL + l.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s (linked from %s): %d", l.url, l.from, resp.StatusCode)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		pageIDs := map[string]bool{}
		ids[l.url] = pageIDs
		base, _ := url.Parse(l.url)
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				if a.Key == "id" {
					pageIDs[a.Val] = true
				}
				if a.Key != "href" && a.Key != "src" && a.Key != "action" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("%s: bad link %q", l.url, a.Val)
					continue
				}
				target := base.ResolveReference(u)
				if target.Host != "" || !strings.HasPrefix(target.Path, "/repo/") {
					t.Errorf("%s: link %q leaves /repo/", l.url, a.Val)
					continue
				}
				if target.Fragment != "" {
					fragments = append(fragments, link{l.url, target.Path + "#" + target.Fragment})
				}
				target.Fragment = ""
				if !seen[target.String()] {
					seen[target.String()] = true
					queue = append(queue, link{l.url, target.String()})
				}
			}
		})
	}
	for _, f := range fragments {
		p, frag, _ := strings.Cut(f.url, "#")
		if ids[p] != nil && !ids[p][frag] {
			t.Errorf("%s: link to %s: no such id", f.from, f.url)
		}
	}
	pages := 0
	for p := range out.Files {
		if strings.HasSuffix(p, ".html") && p != "404.html" {
			pages++
			if !seen["/repo/"+strings.TrimSuffix(p, "index.html")] {
				t.Errorf("page %s is not reachable by links from the language chooser", p)
			}
		}
	}
	t.Logf("followed %d links and assets; %d pages", len(seen), pages)
}
