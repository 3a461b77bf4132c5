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
	"runtime/debug"
	"runtime/pprof"
	"time"

	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/i18n"
	"reportsite/internal/publish"
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

// Main runs the command line and returns the exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
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
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	var l diag.List
	if errors.As(err, &l) {
		printDiags(stderr, l)
	} else {
		fmt.Fprintf(stderr, "reportsite %s: %v\n", args[0], err)
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

func build(_ context.Context, args []string, stdout, stderr io.Writer) error {
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
	// A build is one short burst of allocation: collect garbage less often,
	// but not at the cost of holding more than a few hundred MB.
	lowGC()
	start := time.Now()
	fsys := os.DirFS(*root)
	s, errs := site.Load(fsys, site.Options{BaseURL: *base})
	if s == nil || errs.Err() != nil {
		return failed(stderr, errs, *out)
	}
	// Pages go to disk as they are rendered: a large site is never held in
	// memory whole. The new folder replaces the output only if all is well.
	tx, err := publish.Begin(*out)
	if err != nil {
		return fmt.Errorf("writing %s: %w (the previous output is unchanged)", *out, err)
	}
	st, rerrs := s.Render(fsys, tx)
	errs = append(errs, rerrs...)
	if errs.Err() != nil {
		tx.Abort()
		return failed(stderr, errs, *out)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("writing %s: %w (the previous output is unchanged)", *out, err)
	}
	printDiags(stderr, errs.Warnings())
	fmt.Fprintf(stdout, "built %s in %s: %s\n", *out, time.Since(start).Round(time.Millisecond), st.Summary())
	return nil
}

// lowGC lets the heap grow to five times the live data before collecting,
// up to a soft limit of 256 MiB, past which the collector works harder
// instead.
func lowGC() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
}

// failed reports a build that wrote nothing.
func failed(stderr io.Writer, errs diag.List, out string) error {
	printDiags(stderr, errs.Warnings())
	fmt.Fprintf(stderr, "build failed: %d errors; %s left as it was\n", len(errs.Errors()), out)
	return errs.Errors()
}

func check(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs, root := newFlags("check", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	o, errs := site.Build(os.DirFS(*root), site.Options{})
	errs.Sort()
	printDiags(stdout, errs)
	if err := errs.Err(); err != nil {
		fmt.Fprintf(stdout, "check: %d errors, %d warnings\n", len(errs.Errors()), len(errs.Warnings()))
		return errors.Join(errCheckFailed)
	}
	fmt.Fprintf(stdout, "check: ok, %d warnings; %s\n", len(errs.Warnings()), o.Stats.Summary())
	return nil
}

var errCheckFailed = errors.New("check failed")

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
	// Rebuilds allocate in bursts; a larger heap target makes them faster.
	lowGC()
	return serve.Run(ctx, serve.Config{Root: *root, Addr: *addr, Log: stdout})
}

func printDiags(w io.Writer, l diag.List) {
	for _, e := range l {
		fmt.Fprintln(w, e.Error())
	}
}
