// Package publish is the last stage of `build`: it writes a built site to
// its output folder all at once. The files go to a fresh folder beside the
// output, which replaces the output only when every file is written; if
// anything fails, the previous output is left exactly as it was.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// Write replaces the folder out with one holding exactly files (paths use
// forward slashes, relative to out).
func Write(out string, files map[string][]byte) (err error) {
	out = filepath.Clean(out)
	parent, name := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	dirs := map[string]bool{}
	for _, p := range paths {
		dirs[filepath.Dir(filepath.Join(tmp, filepath.FromSlash(p)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := writeAll(tmp, paths, files); err != nil {
		return err
	}
	return swap(tmp, out)
}

// writeAll writes the files on every core; writing is most of the time a
// build spends outside the CPU.
func writeAll(dir string, paths []string, files map[string][]byte) error {
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(paths[i])), files[paths[i]], 0o644)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// swap moves the new folder into place, keeping the old one until the new
// one is there.
func swap(tmp, out string) error {
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
	return os.RemoveAll(old)
}
