// Package cli is the command line: the subcommands build, serve, check and
// translate, their flags, and their output. It is the only package that
// touches the real file system; everything below it reads an fs.FS.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/publish"
	"reportsite/internal/search"
	"reportsite/internal/serve"
	"reportsite/internal/site"
)

const usage = `reportsite builds the Chongqing and Sichuan manufacturing reports site.

Usage:
  reportsite build [-root DIR] [-out DIR] [-base-url URL]   write the site to DIR/public
  reportsite serve [-root DIR] [-addr 127.0.0.1:1313]       preview, rebuilding on every change
  reportsite check [-root DIR]                              validate everything, print warnings
  reportsite translate -report ID [-root DIR]               write or complete a report's English skeleton

Run "reportsite COMMAND -h" for a command's flags.
`

// Main runs the command line and returns the exit status: 0 for success,
// 1 for bad input (or a refused output folder), 2 for a wrong command line
// and for an internal error, a bug in reportsite, which is reported in one
// line instead of a stack trace.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "reportsite: internal error: %v (this is a bug in reportsite, not in the input; please report it)\n", r)
			code = 2
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"build": build, "serve": serveCmd, "check": check, "translate": translate,
	}
	run, ok := cmds[args[0]]
	if !ok {
		if args[0] == "-h" || args[0] == "help" || args[0] == "--help" {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "reportsite: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := run(ctx, args[1:], stdout, stderr)
	var reported errReported
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &reported):
		return int(reported)
	}
	fmt.Fprintf(stderr, "reportsite %s: %v\n", args[0], err)
	return 1
}

// errReported is a failure whose errors have been printed; its value is
// the exit status.
type errReported int

func (e errReported) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// exitStatus is 2 when the errors hold an internal error, 1 otherwise.
func exitStatus(errs diag.List) errReported {
	if errs.Internal() {
		return 2
	}
	return 1
}

var errUsage = errors.New("usage")

func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("reportsite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the site's root, holding seeds/ data/ content/ layouts/")
	return fs, root
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}

func build(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, root := newFlags("build", stderr)
	out := fs.String("out", "", "the output folder (default ROOT/public)")
	base := fs.String("base-url", "", "the site's base URL: https://OWNER.github.io/REPO/ or a path such as /REPO/ (default: base_url in data/site.toml)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(*root, "public")
	}
	guard := publish.Guard{Root: *root, Inputs: site.Inputs}
	// Refuse a wrong output folder before the work, not after it.
	if err := guard.Check(*out); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// Whether the site will have search decides how its search page is
	// written, so Pagefind is looked for before anything is rendered.
	indexer, noIndex := search.Find(*root)
	if noIndex != nil && !errors.Is(noIndex, search.ErrOff) {
		return noIndex
	}
	fsys := os.DirFS(*root)
	site.TuneGC(fsys, false)
	start := time.Now()
	s, errs := site.Load(fsys, site.Options{BaseURL: *base, Search: indexer != nil})
	if s == nil || errs.Err() != nil {
		return failed(stderr, errs, *out)
	}
	if w := s.BaseWarning(*base != ""); w != nil {
		errs = append(errs, w)
	}
	// Pages go to disk as they are rendered: a large site is never held in
	// memory whole. The new folder replaces the output only if all is well.
	tx, err := publish.Begin(*out, guard)
	if err != nil {
		return err
	}
	st, rerrs := s.Render(fsys, tx)
	errs = append(errs, rerrs...)
	if errs.Err() != nil {
		tx.Abort()
		return failed(stderr, errs, *out)
	}
	// The new folder is indexed before it replaces the output, so that
	// the output never holds pages without their index, or an index of
	// other pages.
	index, note := "no search index", noSearch(noIndex)
	if indexer != nil {
		ix, err := indexer.Index(ctx, tx.Dir(), s.Languages)
		if err != nil {
			tx.Abort()
			printDiags(stderr, errs.Warnings())
			fmt.Fprintf(stderr, "build failed: indexing the site for search: %v\n", err)
			fmt.Fprintf(stderr, "%s left as it was; to build without search, set %s=off\n", *out, search.EnvVar)
			return errReported(1)
		}
		index, note = "search index of "+ix.Summary(), ""
		for _, w := range ix.Warnings {
			note += "search: Pagefind: " + w + "\n"
		}
		if ix.Version != search.Version {
			note += fmt.Sprintf("search: %s is Pagefind %s, but the site is tested with %s; %s\n", indexer.Path, ix.Version, search.Version, search.Install)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("writing %s: %w (the previous output is unchanged)", *out, err)
	}
	printDiags(stderr, errs.Warnings())
	fmt.Fprint(stderr, note)
	fmt.Fprintf(stdout, "built %s in %s: %s; %s\n", *out, time.Since(start).Round(time.Millisecond), st.Summary(), index)
	return nil
}

// noSearch is the line that says why a build has no search index: err is
// what search.Find returned.
func noSearch(err error) string {
	if errors.Is(err, search.ErrOff) {
		return "search: " + err.Error() + "\n"
	}
	return "search: Pagefind is not installed, so the site is built without search; " + search.Install + "\n"
}

// failed reports a build that wrote nothing: the errors first, then the
// line that says so.
func failed(stderr io.Writer, errs diag.List, out string) error {
	printDiags(stderr, errs)
	fmt.Fprintf(stderr, "build failed: %s; %s left as it was\n", countErrors(errs), out)
	return exitStatus(errs)
}

// countErrors says how many errors there are to fix, and how many more
// follow from them: "2 errors (and 5 that follow from them)".
func countErrors(errs diag.List) string {
	causes, follow := 0, 0
	for _, g := range errs.Errors().Report() {
		causes++
		follow += len(g.Followers)
	}
	s := diag.Count(causes, "error", "errors")
	if follow > 0 {
		verb := map[bool]string{true: "follows", false: "follow"}[follow == 1]
		s += fmt.Sprintf(" (and %d more that %s from %s)", follow, verb, map[bool]string{true: "it", false: "them"}[causes == 1])
	}
	return s
}

func check(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs, root := newFlags("check", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	fsys := os.DirFS(*root)
	site.TuneGC(fsys, false) // check renders the whole site in memory, as build does on disk
	o, errs := site.Build(fsys, site.Options{})
	printDiags(stdout, errs)
	warnings := diag.Count(len(errs.Warnings().Report()), "warning", "warnings")
	if errs.Err() != nil {
		fmt.Fprintf(stdout, "check: %s, %s\n", countErrors(errs), warnings)
		return exitStatus(errs)
	}
	fmt.Fprintf(stdout, "check: ok, %s; %s\n", warnings, o.Stats.Summary())
	return nil
}

func translate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs, root := newFlags("translate", stderr)
	id := fs.String("report", "", "the report id, as in data/reports.toml")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id == "" {
		fmt.Fprintln(stderr, "reportsite translate: -report is required")
		return errUsage
	}
	fsys := os.DirFS(*root)
	d, errs := dataset.Load(fsys)
	r := d.Report(*id)
	if r == nil || r.Doc == nil {
		if err := errs.Err(); err != nil {
			return err
		}
		return fmt.Errorf("no report %q in %s", *id, dataset.ReportsPath)
	}
	existing, terrs := i18n.LoadTranslation(fsys, "en", *id)
	if err := terrs.Err(); err != nil {
		return err
	}
	units := i18n.Units(r.Doc)
	p := filepath.Join(*root, filepath.FromSlash(i18n.TranslationPath("en", *id)))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, i18n.Skeleton(*id, units, existing), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d blocks\n", p, len(units))
	return nil
}

func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, root := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:1313", "the loopback address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	site.TuneGC(os.DirFS(*root), true)
	return serve.Run(ctx, serve.Config{Root: *root, Addr: *addr, Log: stdout})
}

// printDiags prints errors and warnings as diag.List.Report orders them:
// causes first, with the errors that follow from each folded into a count.
func printDiags(w io.Writer, l diag.List) {
	for _, g := range l.Report() {
		fmt.Fprintln(w, g.String())
	}
}
