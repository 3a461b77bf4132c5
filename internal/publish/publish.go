// Package publish is the last stage of `build`: it writes a built site to
// its output folder all at once. The files go to a fresh folder beside the
// output, which replaces the output only when every file is written; if
// anything fails, the previous output is left exactly as it was.
//
// It never replaces what a build did not write: a Guard refuses an output
// folder that is the site's root, holds it, lies inside an input folder,
// or holds files without the Marker that every build leaves.
package publish

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"reportsite/internal/diag"
)

// Tx is an output folder being written. Files go to a fresh folder beside
// the output; Commit puts it in the output's place, Abort removes it. Write
// may be called from several goroutines at once.
type Tx struct {
	out, tmp string
	dirs     sync.Map // the folders made, read far more often than written
	mu       sync.Mutex
	files    []string  // the files written, below tmp
	bufs     sync.Pool // of *bufio.Writer, for Stream: a site has dozens of exports
}

// Begin starts writing a new version of the folder out, if the guard
// allows it (see Guard.Check).
func Begin(out string, g Guard) (*Tx, error) {
	if err := g.Check(out); err != nil {
		return nil, err
	}
	out, err := realPath(out)
	if err != nil {
		return nil, err
	}
	parent, name := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return nil, err
	}
	tmp = filepath.Clean(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	t := &Tx{out: out, tmp: tmp}
	t.dirs.Store(tmp, true)
	return t, nil
}

// Write writes one file: a path with forward slashes, relative to the
// output.
func (t *Tx) Write(p string, data []byte) error {
	dst, err := t.path(p)
	if err != nil {
		return err
	}
	return writeFile(dst, data)
}

// path is where a file of the output goes in the new folder, whose
// folders it makes.
func (t *Tx) path(p string) (string, error) {
	dst := filepath.Join(t.tmp, filepath.FromSlash(p))
	if !strings.HasPrefix(dst, t.tmp+string(filepath.Separator)) {
		return "", fmt.Errorf("%s: path outside the output folder", p)
	}
	if err := t.mkdir(filepath.Dir(dst)); err != nil {
		return "", err
	}
	t.mu.Lock()
	t.files = append(t.files, dst[len(t.tmp):])
	t.mu.Unlock()
	return dst, nil
}

// mkdir makes a folder of the new output and the folders above it that
// are not made yet. The new output starts empty and only Tx writes to it,
// so a folder it has not made does not exist: each is made with one call,
// not looked for first as os.MkdirAll does (a site has a folder a page).
func (t *Tx) mkdir(dir string) error {
	if _, known := t.dirs.Load(dir); known {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent == dir { // not below the new output (path does not let it be)
		return fmt.Errorf("%s: not in the output folder", dir)
	}
	if err := t.mkdir(parent); err != nil {
		return err
	}
	// Two writers may make the same folder at once.
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	t.dirs.Store(dir, true)
	return nil
}

// Stream writes one file by handing write a buffered writer for it.
func (t *Tx) Stream(p string, write func(io.Writer) error) error {
	dst, err := t.path(p)
	if err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw, _ := t.bufs.Get().(*bufio.Writer)
	if bw == nil {
		bw = bufio.NewWriterSize(f, 64<<10)
	}
	bw.Reset(f)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	bw.Reset(nil) // drops f, not the buffer
	t.bufs.Put(bw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Dir is the new folder being written, for a step that works on the
// written files before Commit (the search index).
func (t *Tx) Dir() string { return t.tmp }

// Commit replaces the output with what was written.
func (t *Tx) Commit() error {
	if err := t.swap(); err != nil {
		t.Abort()
		return err
	}
	return nil
}

// Abort removes what was written and leaves the output as it was.
func (t *Tx) Abort() { os.RemoveAll(t.tmp) }

// swap moves the new folder into place, keeping the old one until the new
// one is there.
func (t *Tx) swap() error {
	tmp, out := t.tmp, t.out
	info, err := os.Stat(out)
	switch {
	case os.IsNotExist(err):
		return os.Rename(tmp, out)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s exists and is not a folder", out)
	}
	old, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-")
	if err != nil {
		return err
	}
	os.Remove(old) // only its unique name is needed
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // put the previous output back
		return err
	}
	return t.removeOld(old)
}

// removeOld removes the previous output, renamed to old. It most likely
// holds the files just written, so each of those is removed by its name,
// one call each, on every core, and then each folder, deepest first
// (os.RemoveAll opens and reads every folder, several calls each, and a
// site has a folder a page); what is left, the files the new output does
// not have, is then removed by os.RemoveAll.
func (t *Tx) removeOld(old string) error {
	t.mu.Lock()
	files := t.files
	t.mu.Unlock()
	var dirs []string
	byDepth := map[int][]string{}
	deepest := 0
	t.dirs.Range(func(d, _ any) bool {
		if d := d.(string)[len(t.tmp):]; d != "" {
			n := strings.Count(d, string(filepath.Separator))
			dirs = append(dirs, d)
			byDepth[n] = append(byDepth[n], d)
			deepest = max(deepest, n)
		}
		return true
	})
	// A name is followed through a link: where the previous output has a
	// link (or a file) in place of one of these folders, removing by name
	// could remove what the link leads to, outside the output. Then the
	// previous output is removed as os.RemoveAll does, link by link.
	var linked atomic.Bool
	if err := onEveryCore(dirs, "looking at the previous output", func(d string) {
		if info, err := os.Lstat(old + d); err == nil && !info.IsDir() {
			linked.Store(true)
		}
	}); err != nil {
		return err
	}
	if linked.Load() {
		return os.RemoveAll(old)
	}
	// os.Remove would try a file as a folder too, when it fails.
	if err := onEveryCore(files, "removing the previous output", func(f string) { syscall.Unlink(old + f) }); err != nil {
		return err
	}
	for n := deepest; n > 0; n-- {
		// Fails, harmlessly, on a folder that is not empty.
		if err := onEveryCore(byDepth[n], "removing the previous output", func(d string) { syscall.Rmdir(old + d) }); err != nil {
			return err
		}
	}
	return os.RemoveAll(old)
}

// onEveryCore calls do for each item, on every core (diag.Each), and
// returns the first internal error a panic in it became.
func onEveryCore(items []string, doing string, do func(string)) error {
	var mu sync.Mutex
	var first error
	diag.Each(len(items), doing, func(i int) { do(items[i]) }, func(_ int, e *diag.Error) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			first = e
		}
	})
	return first
}
