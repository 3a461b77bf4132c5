package synth

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Marker is the file Write leaves in the folders it writes: a header line,
// then the path of every file it wrote, one a line. Write replaces only
// folders that hold it, and deletes only the files it lists.
const Marker = ".synthsite"

const markerHeader = "# written by synthsite; it removes the files listed below when it writes this folder again"

const usage = `synthsite writes a site root of N reports made from the real ones, for benchmarks.

Usage:
  synthsite -reports N -out DIR [-src ROOT]

Then build it with: reportsite build -root DIR
`

// Main runs the synthsite command line and returns the exit status: 0 on
// success, 1 on failure, 2 on a usage error.
func Main(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("synthsite", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, usage+"\nFlags:\n")
		flags.PrintDefaults()
	}
	n := flags.Int("reports", 0, "the number of reports (at least 1)")
	out := flags.String("out", "", "the folder to write the site root to: new, empty, or written by synthsite before")
	src := flags.String("src", ".", "the site root whose reports are repeated")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case flags.NArg() > 0:
		fmt.Fprintf(stderr, "synthsite: unexpected argument %q\n", flags.Arg(0))
		return 2
	case *n < 1 || *out == "":
		flags.Usage()
		return 2
	}
	if err := checkOut(*src, *out); err != nil {
		fmt.Fprintf(stderr, "synthsite: %v\n", err)
		return 1
	}
	files, err := Site(os.DirFS(*src), *n)
	if err != nil {
		fmt.Fprintf(stderr, "synthsite: reading %s: %v\n", *src, err)
		return 1
	}
	if err := Write(*out, files); err != nil {
		fmt.Fprintf(stderr, "synthsite: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote a site root of %d reports (%d files) to %s\n", *n, len(files), *out)
	return 0
}

// checkOut refuses an output folder that is the source root or lies inside
// one of its input folders.
func checkOut(src, out string) error {
	s, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if o == s {
		return fmt.Errorf("-out %s is the source root; choose another folder", out)
	}
	for _, dir := range copiedDirs {
		d := filepath.Join(s, dir)
		if o == d || strings.HasPrefix(o, d+string(filepath.Separator)) {
			return fmt.Errorf("-out %s lies inside the source's %s/ folder; choose a folder outside the site's inputs", out, dir)
		}
	}
	return nil
}

// Write writes files (by slash-separated path) to the folder dir. dir must
// not exist, be empty, or hold the Marker of an earlier Write: then the
// files that Write listed there are deleted first, and nothing else is.
func Write(dir string, files map[string][]byte) error {
	previous, err := written(dir)
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		if !fs.ValidPath(p) || p == Marker {
			return fmt.Errorf("cannot write %q: not a relative slash-separated path", p)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	if err := remove(dir, previous); err != nil {
		return err
	}
	// The marker first, so that every file written is always listed in it.
	var m strings.Builder
	m.WriteString(markerHeader + "\n")
	for _, p := range paths {
		m.WriteString(p + "\n")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(m.String()), 0o644); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, p := range paths {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(dst); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// written returns the files an earlier Write listed in dir's marker, and
// refuses a folder that holds anything but no marker.
func written(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("%s exists and is not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, nil
	}
	f, err := os.Open(filepath.Join(dir, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is not empty and was not written by synthsite (it has no %s file); choose a new or empty folder", dir, Marker)
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		line := sc.Text()
		if first {
			if line != markerHeader {
				return nil, fmt.Errorf("%s: not a synthsite marker; choose a new or empty folder", filepath.Join(dir, Marker))
			}
			continue
		}
		if !fs.ValidPath(line) || line == "." || line == Marker {
			return nil, fmt.Errorf("%s: %q is not a path synthsite writes; choose a new or empty folder", filepath.Join(dir, Marker), line)
		}
		paths = append(paths, line)
	}
	return paths, sc.Err()
}

// remove deletes the listed regular files of dir, then the folders they
// leave empty.
func remove(dir string, paths []string) error {
	folders := map[string]bool{}
	for _, p := range paths {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		info, err := os.Lstat(dst)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && !info.Mode().IsRegular()) {
			continue // gone, or replaced by something synthsite did not write
		} else if err != nil {
			return err
		}
		if err := os.Remove(dst); err != nil {
			return err
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			folders[d] = true
		}
	}
	// Deepest first, so that a folder is empty when its parent is tried.
	sorted := slices.SortedFunc(maps.Keys(folders), func(a, b string) int {
		return strings.Count(b, "/") - strings.Count(a, "/")
	})
	for _, d := range sorted {
		os.Remove(filepath.Join(dir, filepath.FromSlash(d))) // fails, as it should, if not empty
	}
	return nil
}
