package testsite

import (
	"os"
	"testing"

	"reportsite/internal/search"
)

// Pagefind returns the path of the Pagefind binary that `npm ci` installs
// in the repository (or that REPORTSITE_PAGEFIND or the PATH gives), for
// tests that index a site for search. On a machine without it the test is
// skipped, except in CI, where a missing Pagefind is an error: .ci/run
// installs it.
func Pagefind(t testing.TB) string {
	t.Helper()
	ix, err := search.Find(Root())
	if err != nil && os.Getenv("CI") != "" {
		t.Fatalf("Pagefind in CI: %v", err)
	}
	if ix == nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no Pagefind in CI; .ci/run installs it with npm ci")
		}
		t.Skip("no Pagefind on this machine (npm ci in the repository installs it)")
	}
	return ix.Path
}
