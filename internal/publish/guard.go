package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every build leaves in its output folder. Only a folder
// that holds it (or an empty or absent one) is ever replaced: a folder
// without it may hold someone's work.
const Marker = ".reportsite-output"

const markerText = "This folder was written by `reportsite build`, and the next build replaces it whole.\nKeep nothing else here.\n"

// Guard says which folders must never be an output folder: the site's root,
// a folder that holds it, and any folder inside one of its inputs.
type Guard struct {
	Root   string   // the site's root
	Inputs []string // its input folders, relative to Root
}

// RefusedError is an output folder that a build will not replace.
type RefusedError struct {
	Out    string
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write the site to %s: %s; nothing was changed", e.Out, e.Reason)
}

// Check returns a *RefusedError if out may not be replaced by a build.
func (g Guard) Check(out string) error {
	refuse := func(format string, args ...any) error {
		return &RefusedError{Out: out, Reason: fmt.Sprintf(format, args...)}
	}
	o, err := realPath(out)
	if err != nil {
		return err
	}
	if g.Root != "" {
		root, err := realPath(g.Root)
		if err != nil {
			return err
		}
		switch {
		case o == root:
			return refuse("it is the site's root, which holds the inputs (use a folder such as %s)", filepath.Join(g.Root, "public"))
		case within(root, o):
			return refuse("it holds the site's root %s", g.Root)
		}
		for _, in := range g.Inputs {
			if dir := filepath.Join(root, in); o == dir || within(o, dir) {
				return refuse("it lies inside the input folder %s/", in)
			}
		}
	}
	info, err := os.Lstat(o)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return refuse("it is a file, not a folder")
	}
	if _, err := os.Stat(filepath.Join(o, Marker)); err == nil {
		return nil
	}
	if empty, err := isEmpty(o); err != nil {
		return err
	} else if !empty {
		return refuse("it is a folder that holds files, and no earlier build wrote it (builds leave a file named %s); choose another folder, or empty it first", Marker)
	}
	return nil
}

// realPath is the absolute path of p with symbolic links resolved, as far
// as p exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path lies strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}
