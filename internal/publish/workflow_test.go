package publish

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"

	"reportsite/internal/site"
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
		"run: npm ci --no-audit --no-fund", "run: scripts/check.sh",
		"uses: actions/configure-pages@v6", "uses: actions/upload-pages-artifact@v5", "uses: actions/deploy-pages@v5",
		"pages: write", "id-token: write", "name: github-pages",
		"BASE_URL: ${{ steps.pages.outputs.base_url }}",
		"if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'",
		"group: pages", "cancel-in-progress: false",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("pages.yml lacks %q", want)
		}
	}
}

// TestCIRunsTheChecks: CI and the workflow run the same checks, and the
// checks include the README's test command.
func TestCIRunsTheChecks(t *testing.T) {
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	checks, err := os.ReadFile("../../scripts/check.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), "scripts/check.sh") {
		t.Error(".ci/run does not run scripts/check.sh")
	}
	// Pagefind is installed before the checks, whose tests need it in CI,
	// in CI as in the workflow.
	wf, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	for name, script := range map[string]string{".ci/run": string(ci), "pages.yml": string(wf)} {
		install, check := strings.Index(script, "npm ci"), strings.Index(script, "scripts/check.sh")
		if install < 0 || install > check {
			t.Errorf("%s does not install Pagefind with npm ci before scripts/check.sh", name)
		}
	}
	for _, want := range []string{"go vet ./...", "gofmt -l", "go test ./...", "-fuzz"} {
		if !strings.Contains(string(checks), want) {
			t.Errorf("scripts/check.sh does not run %q", want)
		}
	}
}

// TestPagesBaseURL evaluates the build step's -base-url argument with the
// values configure-pages gives (and none, on a pull request): the result is
// always a valid base URL, never empty and never with a doubled slash.
func TestPagesBaseURL(t *testing.T) {
	b, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`reportsite build -base-url (".*")`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("the build step passes no -base-url")
	}
	for env, want := range map[string]string{
		"":                           "/",
		"https://owner.github.io/r":  "https://owner.github.io/r/",
		"https://owner.github.io/r/": "https://owner.github.io/r/",
		"https://owner.github.io":    "https://owner.github.io/",
	} {
		cmd := exec.Command("bash", "-c", "printf %s "+m[1])
		cmd.Env = append(os.Environ(), "BASE_URL="+env)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		got, err := site.NormalizeBase(string(out))
		if err != nil || got != want {
			t.Errorf("BASE_URL=%q: -base-url %q, normalized %q (%v); want %q", env, out, got, err, want)
		}
	}
}
