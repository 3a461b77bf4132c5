// Package diag is the one error format of the pipeline: every problem found in
// an input (a seed, a TOML file, a Markdown page, a layout) is an *Error that
// names the file, line and column, says what is wrong and, where it can, what
// would be right. Errors are collected in a List so that a build reports all
// of them at once.
//
// An error that only follows from an earlier one (a figure that names a
// report which failed to load) records that error as its Cause. Report
// orders a list for reading: causes first, by position, each with the
// number of errors that follow from it, so that an editor reads the one
// thing to fix before the noise it makes.
package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
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

// PosAt returns the position of byte offset off in src, a file's contents:
// its line, and its column counted in characters.
func PosAt(file string, src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line := 1 + strings.Count(string(before), "\n")
	start := strings.LastIndexByte(string(before), '\n') + 1
	return Pos{File: file, Line: line, Col: utf8.RuneCount(before[start:]) + 1}
}

// Severity tells an error from a warning.
type Severity int

const (
	// SevError stops the build.
	SevError Severity = iota
	// SevWarning is reported by check and serve but does not stop the build.
	SevWarning
)

// Error is one problem in one input.
type Error struct {
	Pos      Pos
	Msg      string // what is wrong
	Hint     string // what would be right; may be empty
	Severity Severity
	// Cause is the earlier error this one only follows from, or nil: a
	// figure naming a report that failed to load follows from the report's
	// error, and is fixed by fixing it.
	Cause *Error
	// Internal marks a bug in reportsite rather than in an input (see
	// Recover).
	Internal bool
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

// Root returns the first error of e's chain of causes.
func (e *Error) Root() *Error {
	for e.Cause != nil && e.Cause != e {
		e = e.Cause
	}
	return e
}

// Recover, deferred in a goroutine, turns a panic into an internal error
// in *l that says what was being done, so that a bug met on one input
// cannot take down a build or the preview server. It is a safety net:
// every panic it catches is a bug to fix.
//
// With REPORTSITE_DEBUG=1 in the environment, the error carries the stack.
func Recover(l *List, doing string) {
	if r := recover(); r != nil {
		msg := fmt.Sprintf("internal error: %v", r)
		if os.Getenv("REPORTSITE_DEBUG") != "" {
			msg += "\n" + string(debug.Stack())
		}
		*l = append(*l, &Error{Pos: Pos{File: doing}, Msg: msg, Internal: true,
			Hint: "this is a bug in reportsite, not in the input; please report it with the input that caused it"})
	}
}

// Each runs work(i) for every i below n on every core, taking them in
// order. A panic in one is turned into an internal error (see Recover;
// doing says what was being done) and given to fail with its index.
func Each(n int, doing string, work func(i int), fail func(i int, e *Error)) {
	// Each worker takes the next index itself: no goroutine hands them
	// out, so the caller's core works too, and a small item costs an
	// atomic add, not two goroutine switches.
	var next atomic.Int64
	run := func() {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			var errs List
			func() {
				defer Recover(&errs, doing)
				work(i)
			}()
			for _, e := range errs {
				fail(i, e)
			}
		}
	}
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run()
		}()
	}
	run()
	wg.Wait()
}

// Internal reports whether the list holds an internal error (a bug).
func (l List) Internal() bool {
	for _, e := range l {
		if e.Internal {
			return true
		}
	}
	return false
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects errors and warnings. The zero value is ready to use.
type List []*Error

// Add appends an error at pos with a message and a hint (which may be
// empty), and returns it.
func (l *List) Add(pos Pos, hint, format string, args ...any) *Error {
	e := &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint}
	*l = append(*l, e)
	return e
}

// Follow appends an error that only follows from cause (see Error.Cause).
// With a nil cause it is an ordinary error.
func (l *List) Follow(cause *Error, pos Pos, hint, format string, args ...any) *Error {
	e := l.Add(pos, hint, format, args...)
	e.Cause = cause
	return e
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

// First returns the first error (not warning) of the list, or nil.
func (l List) First() *Error {
	for _, e := range l {
		if e.Severity == SevError {
			return e
		}
	}
	return nil
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
	slices.SortStableFunc(l, func(a, b *Error) int { return comparePos(a.Pos, b.Pos) })
}

func comparePos(a, b Pos) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

// Err returns the list as an error if it holds any error (warnings alone are
// not an error), or nil.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l.Errors()
}

// Error lists the entries as Report orders and folds them.
func (l List) Error() string {
	var b strings.Builder
	for i, g := range l.Report() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(g.String())
	}
	return b.String()
}

// Group is one line of a report: an error that does not follow from
// another, with the errors that follow from it and the number of times the
// same error was found.
type Group struct {
	*Error
	Followers List
}

// String is the error, and a line that counts its followers.
func (g Group) String() string {
	s := g.Error.Error()
	if n := len(g.Followers); n > 0 {
		s += fmt.Sprintf("\n    and %s that follow%s from it", Count(n, "more error", "more errors"), map[bool]string{true: "s", false: ""}[n == 1])
	}
	return s
}

// Report orders the list for reading: errors before warnings; within each,
// the causes file by file, in the order the files first appear in the list
// (the order of the pipeline, which reads what others depend on first), and
// by position within a file; every error that follows from a cause is
// folded into the cause's group instead of listed. Identical entries (the
// same position and message) are listed once.
func (l List) Report() []Group {
	var groups []Group
	index := map[*Error]int{}
	seen := map[string]bool{}
	fileRank := map[string]int{}
	for _, e := range l {
		if _, ok := fileRank[e.Pos.File]; !ok {
			fileRank[e.Pos.File] = len(fileRank)
		}
	}
	for _, sev := range []Severity{SevError, SevWarning} {
		var roots List
		for _, e := range l {
			if e.Severity != sev || e.Root() != e {
				continue
			}
			if k := e.Error(); !seen[k] {
				seen[k] = true
				roots = append(roots, e)
			}
		}
		slices.SortStableFunc(roots, func(a, b *Error) int {
			if ra, rb := fileRank[a.Pos.File], fileRank[b.Pos.File]; ra != rb {
				return ra - rb
			}
			return comparePos(a.Pos, b.Pos)
		})
		for _, e := range roots {
			index[e] = len(groups)
			groups = append(groups, Group{Error: e})
		}
	}
	for _, e := range l {
		r := e.Root()
		if r == e {
			continue
		}
		i, ok := index[r]
		if !ok { // a cause outside the list: the follower stands for it
			index[r] = len(groups)
			groups = append(groups, Group{Error: e})
			continue
		}
		groups[i].Followers = append(groups[i].Followers, e)
	}
	return groups
}

// Count writes n with the singular or plural noun: "1 error", "2 errors".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
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
	// Col is the column the error points at on the marked line, 0 for none.
	Col int
}

// Caret is a line that points at Col under the text: spaces and a ^.
func (l ExcerptLine) Caret() string {
	if l.Col < 1 {
		return ""
	}
	var b strings.Builder
	for i, r := range []rune(l.Text) {
		if i >= l.Col-1 {
			break
		}
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case isWide(r):
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String() + "^"
}

// isWide reports whether a character takes two columns in a monospaced
// font: Chinese characters and full-width punctuation.
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) || (r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x20000 && r <= 0x3fffd))
}

// ExcerptAt reads up to n lines either side of pos from fsys. It returns an
// empty Excerpt when the file cannot be read or pos has no line.
func ExcerptAt(fsys fs.FS, pos Pos, n int) Excerpt {
	if pos.Line == 0 || pos.File == "" {
		return Excerpt{}
	}
	data, err := fs.ReadFile(fsys, pos.File)
	if err != nil || len(data) > MaxInputSize {
		return Excerpt{}
	}
	lines := strings.Split(string(data), "\n")
	var ex Excerpt
	for i := max(1, pos.Line-n); i <= min(len(lines), pos.Line+n); i++ {
		text := strings.ToValidUTF8(strings.TrimRight(lines[i-1], "\r"), "\uFFFD")
		l := ExcerptLine{N: i, Text: text, Marked: i == pos.Line}
		if l.Marked {
			l.Col = pos.Col
		}
		ex.Lines = append(ex.Lines, l)
	}
	return ex
}
