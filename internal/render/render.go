// Package render holds the layouts: the html/template files under layouts/.
// It parses them once, each page layout in its own clone of the shared set
// (layouts/base.html and layouts/partials/*.html), names each by its path,
// and executes a layout with a page's view into bytes. Template errors are
// reported as path:line:col where the template package gives them.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"reportsite/internal/diag"
)

// Dir is where layouts live; Dir/static is copied to the site as-is.
const Dir = "layouts"

// Templates is the parsed set of layouts.
type Templates struct {
	layouts map[string]*template.Template // by name: "report" for layouts/report.html
	shared  *template.Template            // base.html and the partials, for Partial

	sources map[string]string // the text of each file, for positions

	partials *rendered
}

// rendered are the fragments Partial rendered in one build.
type rendered struct {
	// done maps name and key to a fragment: written once a key, read by
	// every page on every core, which a sync.Map lets do without a lock.
	done sync.Map
}

// Fresh returns the same templates with no fragments rendered yet, for a
// new build (the preview's) that takes the parsed templates from the last.
func (t *Templates) Fresh() *Templates {
	c := *t
	c.partials = &rendered{}
	return &c
}

// Funcs are the template functions every layout can use. Functions that
// depend on the page (its language, its links) are methods of the view.
var Funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
}

// Load parses base.html, partials/*.html and every other *.html in layouts/.
func Load(fsys fs.FS) (*Templates, diag.List) {
	base := template.New("base").Funcs(Funcs)
	var errs diag.List
	sources := map[string]string{}
	shared := []string{path.Join(Dir, "base.html")}
	partials, _ := fs.Glob(fsys, path.Join(Dir, "partials", "*.html"))
	sort.Strings(partials)
	shared = append(shared, partials...)
	for _, p := range shared {
		if err := parseFile(fsys, base, p, sources); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	set, err := base.Clone()
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: Dir}, "%v", err)}
	}
	t := &Templates{layouts: map[string]*template.Template{}, shared: set, partials: &rendered{}, sources: sources}
	files, _ := fs.Glob(fsys, path.Join(Dir, "*.html"))
	sort.Strings(files)
	for _, p := range files {
		name := strings.TrimSuffix(path.Base(p), ".html")
		if name == "base" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			errs.Add(diag.Pos{File: p}, "", "%v", err)
			continue
		}
		if err := parseFile(fsys, clone, p, sources); err != nil {
			errs = append(errs, err)
			continue
		}
		t.layouts[name] = clone
	}
	return t, errs
}

func parseFile(fsys fs.FS, t *template.Template, p string, sources map[string]string) *diag.Error {
	src, err := diag.ReadInput(fsys, p)
	if err != nil {
		return err
	}
	sources[p] = string(src)
	if _, err := t.New(p).Parse(string(src)); err != nil {
		return templateError(err, p, sources)
	}
	return nil
}

var reTemplatePos = regexp.MustCompile(`template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)`)

// templateError turns "template: layouts/x.html:12:3: …" into a
// diag.Error. The template package counts the column in bytes from 0; the
// error counts characters from 1.
func templateError(err error, file string, sources map[string]string) *diag.Error {
	m := reTemplatePos.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(diag.Pos{File: file}, "%v", err)
	}
	line, _ := strconv.Atoi(m[2])
	f := m[1]
	if !strings.Contains(f, "/") {
		f = file
	}
	pos := diag.Pos{File: f, Line: line}
	if m[3] != "" {
		byteCol, _ := strconv.Atoi(m[3])
		pos.Col = byteCol + 1
		if lines := strings.Split(sources[f], "\n"); line >= 1 && line <= len(lines) && byteCol <= len(lines[line-1]) {
			pos.Col = utf8.RuneCountInString(lines[line-1][:byteCol]) + 1
		}
	}
	return diag.Errorf(pos, "%s", strings.TrimSpace(m[4]))
}

// Has reports whether a layout exists.
func (t *Templates) Has(layout string) bool { _, ok := t.layouts[layout]; return ok }

// Execute renders a layout with data. The layout's file defines "main" and
// whatever else base.html calls; base.html is what is executed.
func (t *Templates) Execute(layout string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTo(&buf, layout, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExecuteTo is Execute writing to w, so that a caller can reuse a buffer.
func (t *Templates) ExecuteTo(w io.Writer, layout string, data any) error {
	tmpl, ok := t.layouts[layout]
	if !ok {
		return diag.Errorf(diag.Pos{File: path.Join(Dir, layout+".html")}, "layout %q does not exist", layout)
	}
	if err := tmpl.ExecuteTemplate(w, "base", data); err != nil {
		return templateError(err, path.Join(Dir, layout+".html"), t.sources)
	}
	return nil
}

// Partial executes a partial template (one defined in base.html or
// layouts/partials/) with data, once per key: a fragment that is the same on
// many pages — the navigation of a language, the row of a figure — is
// rendered once per build. key must identify everything the output depends
// on; the partial must start and end in HTML text.
func (t *Templates) Partial(name, key string, data any) (template.HTML, error) {
	return t.PartialOf(name, key, func() (any, error) { return data, nil })
}

// PartialOf is Partial with data that is worked out only when the
// fragment is rendered, the first time its key is met.
func (t *Templates) PartialOf(name, key string, makeData func() (any, error)) (template.HTML, error) {
	k := name + "\x00" + key
	if h, ok := t.partials.done.Load(k); ok {
		return h.(template.HTML), nil
	}
	data, err := makeData()
	if err != nil {
		return "", err
	}
	// Two pages may render the same fragment at once; both get the same
	// bytes, so the race is harmless. (html/template guards its own escaping.)
	var buf bytes.Buffer
	if err := t.shared.ExecuteTemplate(&buf, name, data); err != nil {
		return "", templateError(err, path.Join(Dir, "partials"), t.sources)
	}
	h := template.HTML(buf.String())
	t.partials.done.Store(k, h)
	return h, nil
}

// Static lists the files under layouts/static, which are copied to the site
// as they are.
func Static(fsys fs.FS) (map[string][]byte, error) {
	out := map[string][]byte{}
	root := path.Join(Dir, "static")
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[strings.TrimPrefix(p, root+"/")] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	return out, nil
}
