// Package serve is the editor's preview: it builds the site in memory with
// the same function as `build`, serves it on a loopback address, watches
// every input (seeds/ data/ content/ layouts/), rebuilds on change and tells
// open pages to reload. A failed rebuild keeps the last good site up and
// shows the errors — path:line:col and the lines around — on every page
// until the inputs are fixed, when the page reloads by itself.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"reportsite/internal/diag"
	"reportsite/internal/memo"
	"reportsite/internal/site"
)

// Config configures Run.
type Config struct {
	Root string
	Addr string
	Log  io.Writer
	// Ready, if set, receives the address once the server listens.
	Ready chan<- string
}

// Server holds the last good build and the errors of the last attempt.
type Server struct {
	root string
	fsys fs.FS
	log  io.Writer
	memo *memo.Memo // what the last good build made, for the next

	mu       sync.RWMutex
	site     *site.Output // the last good build; nil before the first
	errs     diag.List    // errors of the last rebuild; nil when it succeeded
	warnings diag.List    // warnings of the last rebuild
	version  int          // counts rebuilds, good or bad
	changed  chan struct{}
}

// New returns a server for the site at root; call Rebuild before serving.
func New(root string, log io.Writer) *Server {
	return &Server{root: root, fsys: os.DirFS(root), log: log, memo: memo.New(), changed: make(chan struct{})}
}

// Rebuild builds the site again, reading, checking and rendering only what
// depends on the inputs that changed since the last good build (see
// site.Options.Memo). On success it replaces the served files; on failure
// it keeps them and records the errors. Either way open pages are told to
// reload, and the errors and warnings are printed.
func (s *Server) Rebuild() diag.List {
	start := time.Now()
	out, errs := site.Build(s.fsys, site.Options{BaseURL: "/", LiveReload: true, Memo: s.memo})
	s.mu.Lock()
	s.warnings = errs.Warnings()
	if err := errs.Err(); err != nil {
		s.errs = errs.Errors()
		fmt.Fprintf(s.log, "rebuild failed in %s; still serving the last good site:\n%v\n", since(start), errs)
	} else {
		// What this build made is what the next one compares with; after
		// a failed build, the next compares with the last good one too.
		s.memo.Done()
		s.site, s.errs = out, nil
		fmt.Fprintf(s.log, "rebuilt in %s: %s\n", since(start), out.Stats.Summary())
		if len(s.warnings) > 0 {
			fmt.Fprintf(s.log, "%v\n", s.warnings)
		}
	}
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	return errs
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }

// Run builds, serves and watches until ctx is done.
func Run(ctx context.Context, cfg Config) error {
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", cfg.Addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-addr %q: serve listens on loopback only (127.0.0.1 or ::1); it is a preview, not a server", cfg.Addr)
	}
	s := New(cfg.Root, cfg.Log)
	s.Rebuild()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	w, err := s.watch(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	fmt.Fprintf(cfg.Log, "serving http://%s/ — watching %s for changes; Ctrl-C stops\n", ln.Addr(), strings.Join(site.Inputs, "/ ")+"/")
	if cfg.Ready != nil {
		cfg.Ready <- ln.Addr().String()
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watch follows changes to every input folder (and folders created in
// them) and rebuilds after a short pause, so that an editor's save of
// several files gives one rebuild.
func (s *Server) watch(ctx context.Context) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, dir := range site.Inputs {
		s.addTree(w, filepath.Join(s.root, dir))
	}
	go func() {
		var timer <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
						s.addTree(w, ev.Name)
					}
				}
				if ignored(ev.Name) {
					continue
				}
				timer = time.After(5 * time.Millisecond)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				fmt.Fprintf(s.log, "watch: %v\n", err)
			case <-timer:
				timer = nil
				s.Rebuild()
			}
		}
	}()
	return w, nil
}

func (s *Server) addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if err := w.Add(p); err != nil {
				fmt.Fprintf(s.log, "watch %s: %v\n", p, err)
			}
		}
		return nil
	})
}

// ignored tells editor scratch files from inputs.
func ignored(name string) bool {
	b := filepath.Base(name)
	return strings.HasPrefix(b, ".") || strings.HasSuffix(b, "~") || strings.HasSuffix(b, ".swp") || strings.HasPrefix(b, "#")
}

// ServeHTTP serves the last good site, the reload events and the reload
// script. While the inputs have errors, every page carries them on top.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_reportsite/events":
		s.events(w, r)
		return
	case "/_reportsite/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadJS)
		return
	}
	s.mu.RLock()
	out, errs, warnings, version := s.site, s.errs, s.warnings, s.version
	s.mu.RUnlock()
	// The path is cleaned before it is used, and a redirect goes to the
	// cleaned path: "//evil.example/../zh" must not send the browser to
	// another host.
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || p == "" {
		p = path.Join(p, "index.html")
	}
	file := func(p string) ([]byte, bool) {
		if out == nil {
			return nil, false
		}
		return out.File(p)
	}
	body, ok := file(p)
	status := http.StatusOK
	if !ok {
		if _, isDir := file(p + "/index.html"); isDir {
			http.Redirect(w, r, "/"+p+"/", http.StatusMovedPermanently)
			return
		}
		body, _ = file("404.html")
		status, p = http.StatusNotFound, "404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		if len(errs) > 0 || len(warnings) > 0 || body == nil {
			body = withReport(body, errs, warnings, s.fsys)
		}
		body = stamp(body, version)
	}
	w.WriteHeader(status)
	w.Write(body)
}

// reloadScript is how pages load the reload script.
var reloadScript = []byte(`src="/_reportsite/reload.js"`)

// stamp tells a page's reload script which rebuild the page shows, so that
// a rebuild that ends while the page loads, before the script listens, is
// not missed.
func stamp(page []byte, version int) []byte {
	return bytes.Replace(page, reloadScript, fmt.Appendf(nil, `src="/_reportsite/reload.js?v=%d"`, version), 1)
}

// events streams a "reload" event after every rebuild (server-sent events),
// and at once if the page (its ?v=) shows an older rebuild than the last.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	// seen is the rebuild the page shows: its ?v=, or else the last one.
	// The version and the channel that closes at the next rebuild are read
	// together, so that no rebuild falls between them.
	s.mu.RLock()
	seen := s.version
	s.mu.RUnlock()
	if v, err := strconv.Atoi(r.URL.Query().Get("v")); err == nil {
		seen = v
	}
	for {
		s.mu.RLock()
		changed, v := s.changed, s.version
		s.mu.RUnlock()
		if v != seen {
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			flusher.Flush()
			seen = v
		}
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

const reloadJS = `// reportsite serve: reload this page after every rebuild, including one
// that ended while the page was loading (the server stamps the page's
// rebuild into this script's address).
(function () {
  var v = new URL(document.currentScript.src).searchParams.get("v");
  var es = new EventSource("/_reportsite/events" + (v === null ? "" : "?v=" + v));
  es.addEventListener("reload", function () { es.close(); location.reload(); });
})();
`

var reportTmpl = template.Must(template.New("report").Parse(`{{define "group"}}<div style="margin:.8em 0"><strong>{{.Err.Error}}</strong>{{with .Excerpt.Lines}}
<pre style="margin:.3em 0;background:#fff;border:1px solid #ddd;padding:.4em;overflow:auto">{{range .}}<span{{if .Marked}} style="background:#fee;font-weight:bold"{{end}}>{{printf "%5d" .N}} | {{.Text}}</span>
{{if .Col}}{{printf "%5s" ""}}   <span style="color:#c00">{{.Caret}}</span>
{{end}}{{end}}</pre>{{end}}{{with .Followers}}<p style="margin:.2em 0 0 1em">…and {{.}} that follow from it.</p>{{end}}</div>{{end}}
{{- if .Errors}}<section id="reportsite-errors" role="alert" style="font:14px/1.45 ui-monospace,monospace;background:#fff4f4;color:#300;border:3px solid #c00;margin:0;padding:1em 1.5em;position:relative;z-index:10">
<h2 style="margin:0 0 .5em;font-size:1.1em">The last change did not build ({{.Count}}) — showing the last good site below. This page reloads when the inputs are fixed.</h2>
{{range .Errors}}{{template "group" .}}{{end}}
</section>
{{end}}{{if .Warnings}}<details id="reportsite-warnings" style="font:14px/1.45 ui-monospace,monospace;background:#fffbea;color:#330;border:2px solid #d9a400;margin:0;padding:.5em 1.5em;position:relative;z-index:10">
<summary style="cursor:pointer">{{.WarningCount}} — the site builds; these are for the editor, and readers do not see them</summary>
{{range .Warnings}}{{template "group" .}}{{end}}
</details>
{{end}}`))

// item is one error or warning of the report, with the lines around it.
type item struct {
	Err       *diag.Error
	Excerpt   diag.Excerpt
	Followers string // "3 more errors", or ""
}

// withReport puts the errors (and the warnings) of the last rebuild at the
// top of a page's body, or makes a page of them when there is no page to
// show (the first build failed).
func withReport(page []byte, errs, warnings diag.List, fsys fs.FS) []byte {
	items := func(l diag.List) []item {
		var out []item
		for _, g := range l.Report() {
			it := item{Err: g.Error, Excerpt: diag.ExcerptAt(fsys, g.Pos, 2)}
			if n := len(g.Followers); n > 0 {
				it.Followers = diag.Count(n, "more error", "more errors")
			}
			out = append(out, it)
		}
		return out
	}
	data := struct {
		Errors, Warnings    []item
		Count, WarningCount string
	}{items(errs), items(warnings), "", ""}
	data.Count = diag.Count(len(data.Errors), "error", "errors")
	data.WarningCount = diag.Count(len(data.Warnings), "warning", "warnings")
	var report bytes.Buffer
	if err := reportTmpl.Execute(&report, data); err != nil {
		report.Reset()
		template.HTMLEscape(&report, []byte(errs.Error()))
	}
	if page == nil {
		page = []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title><script src="/_reportsite/reload.js" defer></script></head><body></body></html>`)
	}
	i := bytes.Index(page, []byte("<body"))
	if i < 0 {
		return append(report.Bytes(), page...)
	}
	j := bytes.IndexByte(page[i:], '>')
	at := i + j + 1
	out := append([]byte{}, page[:at]...)
	out = append(out, report.Bytes()...)
	return append(out, page[at:]...)
}
