// Command synthsite writes a site root of any number of reports made from
// the real ones, for benchmarks. See internal/synth.
package main

import (
	"os"

	"reportsite/internal/synth"
)

func main() {
	os.Exit(synth.Main(os.Args[1:], os.Stdout, os.Stderr))
}
