package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestWorkflowsLint runs actionlint on the GitHub workflows.
func TestWorkflowsLint(t *testing.T) {
	files, _ := filepath.Glob("../../.github/workflows/*.yml")
	if len(files) == 0 {
		t.Fatal("no workflows in .github/workflows")
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
}

// TestPagesWorkflow checks what the publishing workflow must do: test,
// build with the Pages base URL, and deploy with the official actions only
// from main, never from a pull request.
func TestPagesWorkflow(t *testing.T) {
	b, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	wf := string(b)
	for _, want := range []string{
		"branches: [main]", "pull_request:", "workflow_dispatch:",
		"run: go test ./...",
		"uses: actions/configure-pages@v6", "uses: actions/upload-pages-artifact@v5", "uses: actions/deploy-pages@v5",
		"pages: write", "id-token: write", "name: github-pages",
		"BASE_URL: ${{ steps.pages.outputs.base_url }}", `-base-url "${BASE_URL:-/}/"`,
		"if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'",
		"group: pages", "cancel-in-progress: false",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("pages.yml lacks %q", want)
		}
	}
}
