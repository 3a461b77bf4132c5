package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

func layouts(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func TestExecute(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":          `{{define "base"}}<main>{{template "main" .}}</main>{{end}}`,
		"layouts/partials/p.html":    `{{define "greet"}}<b>{{.}}</b>{{end}}`,
		"layouts/page.html":          `{{define "main"}}{{template "greet" .}}{{end}}`,
		"layouts/other.html":         `{{define "main"}}other {{.}}{{end}}`,
		"layouts/static/x/site.css":  `body{}`,
		"layouts/static/favicon.svg": `<svg/>`,
	})
	tm, errs := Load(fsys)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, err := tm.Execute("page", "<x>")
	if err != nil || string(out) != "<main><b>&lt;x&gt;</b></main>" {
		t.Errorf("Execute(page) = %q, %v", out, err)
	}
	if out, _ := tm.Execute("other", "y"); string(out) != "<main>other y</main>" {
		t.Errorf("each layout has its own main: %q", out)
	}
	if _, err := tm.Execute("nope", nil); err == nil || !strings.Contains(err.Error(), `layout "nope" does not exist`) {
		t.Errorf("Execute(nope) error = %v", err)
	}
	h, err := tm.Partial("greet", "k", "a&b")
	if err != nil || h != "<b>a&amp;b</b>" {
		t.Errorf("Partial = %q, %v", h, err)
	}
	if h, _ := tm.Partial("greet", "k", "other data, same key"); h != "<b>a&amp;b</b>" {
		t.Errorf("Partial is not memoised by key: %q", h)
	}
	static, err := Static(fsys)
	if err != nil || len(static) != 2 || string(static["x/site.css"]) != "body{}" {
		t.Errorf("Static = %v, %v", static, err)
	}
}

func TestTemplateErrorPositions(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html": `{{define "base"}}{{template "main" .}}{{end}}`,
		"layouts/page.html": "{{define \"main\"}}\n<p>\n{{.Title}\n{{end}}",
	})
	_, errs := Load(fsys)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "layouts/page.html:3:") {
		t.Errorf("Load errors = %v, want one at layouts/page.html:3", errs)
	}
	fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{.Missing.Field}}{{end}}")}
	tm, errs := Load(fsys)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, err := tm.Execute("page", struct{ Title string }{})
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/page.html:2:") {
		t.Errorf("Execute error = %v, want one at layouts/page.html:2", err)
	}
}
