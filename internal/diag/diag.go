// Package diag is the one error format of the pipeline: every problem found in
// an input (a seed, a TOML file, a Markdown page, a layout) is an *Error that
// names the file, line and column, says what is wrong and, where it can, what
// would be right. Errors are collected in a List so that a build reports all
// of them at once.
package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col are 1-based; Col counts
// characters (runes), not bytes, because editors count that way. A zero Line
// means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as path:line:col (or path:line, or path).
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells an error from a warning.
type Severity int

const (
	// SevError stops the build.
	SevError Severity = iota
	// SevWarning is reported by check but does not stop the build.
	SevWarning
)

// Error is one problem in one input.
type Error struct {
	Pos      Pos
	Msg      string // what is wrong
	Hint     string // what would be right; may be empty
	Severity Severity
}

func (e *Error) Error() string {
	s := e.Pos.String() + ": "
	if e.Severity == SevWarning {
		s += "warning: "
	}
	s += e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects errors and warnings. The zero value is ready to use.
type List []*Error

// Add appends an error at pos with a message and a hint (which may be empty).
func (l *List) Add(pos Pos, hint, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warn appends a warning.
func (l *List) Warn(pos Pos, hint, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Severity: SevWarning})
}

// Append adds err to the list: an *Error or a List as it is, any other error
// as a file-less error.
func (l *List) Append(err error) {
	if err == nil {
		return
	}
	var d *Error
	var dl List
	switch {
	case errors.As(err, &dl):
		*l = append(*l, dl...)
	case errors.As(err, &d):
		*l = append(*l, d)
	default:
		*l = append(*l, &Error{Msg: err.Error()})
	}
}

// Errors returns the entries that are errors, not warnings.
func (l List) Errors() List { return l.filter(SevError) }

// Warnings returns the entries that are warnings.
func (l List) Warnings() List { return l.filter(SevWarning) }

func (l List) filter(s Severity) List {
	var out List
	for _, e := range l {
		if e.Severity == s {
			out = append(out, e)
		}
	}
	return out
}

// Sort orders the list by file, line and column, keeping the order of
// entries at the same position.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error if it holds any error (warnings alone are
// not an error), or nil.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l.Errors()
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Excerpt is a few numbered lines of a file around a position, for showing
// an error in context (the serve error page).
type Excerpt struct {
	Lines []ExcerptLine
}

// ExcerptLine is one line of an Excerpt.
type ExcerptLine struct {
	N      int
	Text   string
	Marked bool // the line the error is on
}

// ExcerptAt reads up to n lines either side of pos from fsys. It returns an
// empty Excerpt when the file cannot be read or pos has no line.
func ExcerptAt(fsys fs.FS, pos Pos, n int) Excerpt {
	if pos.Line == 0 || pos.File == "" {
		return Excerpt{}
	}
	data, err := fs.ReadFile(fsys, pos.File)
	if err != nil {
		return Excerpt{}
	}
	lines := strings.Split(string(data), "\n")
	var ex Excerpt
	for i := max(1, pos.Line-n); i <= min(len(lines), pos.Line+n); i++ {
		ex.Lines = append(ex.Lines, ExcerptLine{N: i, Text: strings.TrimRight(lines[i-1], "\r"), Marked: i == pos.Line})
	}
	return ex
}
