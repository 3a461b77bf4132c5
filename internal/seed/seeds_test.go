package seed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path"
	"testing"
)

// seedSums are the SHA-256 sums of the seeds as published. Seeds are the
// record and never edited: corrections are errata in data/reports.toml.
var seedSums = map[string]string{
	"000_a19e5075c3e7a025.txt": "e545ab861693e5568ab93c02e05a89b59360fdc9754a47132e4a50a1427c25df",
	"001_69ed86bf7a6d565d.txt": "344485aa401474d50e6ec15fd096562247d1c2f5389c00343500114b4c1f131c",
	"002_568111fbe1276f3a.txt": "efa39aebbb4da03cfb83faa748f520e603d4f93c6cd61f8229e3f00ed4a7f889",
	"003_41ef264a0a45cb47.txt": "4cbebfc20fbeb184c544ddf4e4f46d3f8e47b0bdaecf588e9f5507053668c666",
	"004_042ea3d7f40e5f71.txt": "8b51cc8a210290446919b1e56d39cc89e8def2add088f2d4e346e99105c6b719",
}

// TestSeedsUnchanged proves that seeds/ holds exactly the published seed
// files, byte for byte: against the sums above, and against the shared
// originals where they are beside the repository (as in CI).
func TestSeedsUnchanged(t *testing.T) {
	entries, err := os.ReadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(seedSums) {
		t.Errorf("seeds/ holds %d files, want %d", len(entries), len(seedSums))
	}
	for _, e := range entries {
		b, err := os.ReadFile(path.Join("../../seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if want, ok := seedSums[e.Name()]; !ok || hex.EncodeToString(sum[:]) != want {
			t.Errorf("seeds/%s has changed or is not a published seed", e.Name())
		}
		if orig, err := os.ReadFile(path.Join("../../../shared/seeds", e.Name())); err == nil && !bytes.Equal(b, orig) {
			t.Errorf("seeds/%s differs from ../shared/seeds/%s", e.Name(), e.Name())
		}
	}
}
