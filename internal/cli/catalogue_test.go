package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/testsite"
)

var update = flag.Bool("update", false, "rewrite testdata/catalogue.golden")

// edit is one change an editor might make to a copy of the real site.
type edit func(t *testing.T, root string)

// replace changes the first occurrence of old in a file.
func replace(file, old, new string) edit {
	return func(t *testing.T, root string) {
		testsite.Edit(t, root, file, func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%s does not contain %q", file, old)
			}
			return strings.Replace(s, old, new, 1)
		})
	}
}

// writeFile replaces a whole file.
func writeFile(file, data string) edit {
	return func(t *testing.T, root string) {
		p := filepath.Join(root, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rewrite applies a function to a whole file.
func rewrite(file string, f func(string) string) edit {
	return func(t *testing.T, root string) { testsite.Edit(t, root, file, f) }
}

const (
	figCQ  = "data/figures/2020-chongqing-review.toml"
	figSC  = "data/figures/2020-sichuan-review.toml"
	reps   = "data/reports.toml"
	inds   = "data/indicators.toml"
	trSC   = "data/translations/en/2020-sichuan-review.toml"
	enToml = "data/i18n/en.toml"
)

// catalogue is the table of bad inputs: every kind of mistake in every kind
// of input file, with the exact message `check` prints first, and its exit
// status. docs/EDITING.md explains each message (doc is the form it is
// listed under there).
// catalogue is the table of bad inputs: every kind of mistake in every kind
// of input file. The exact first line check prints for each, and its exit
// status, are in testdata/catalogue.golden (go test -update rewrites it);
// docs/EDITING.md explains each message (doc is the form it is listed
// under there).
var catalogue = []struct {
	name string
	edit edit
	doc  string // how docs/EDITING.md lists the message
}{
	{"quote typo", replace(figSC, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0%"`, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0％"`), "quote not found in report"},
	{"quote too long", replace(figSC, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0%"`, `quote      = "`+strings.Repeat("增长", 200)+`"`), "quote is … characters long"},
	{"value as text", replace(figSC, "value      = 4.0\n", "value      = \"4.0\"\n"), "… must be a number, not …"},
	{"value not in quote", replace(figSC, "value      = 4.0\n", "value      = 4.5\n"), "value … does not occur in the quote"},
	{"unit not after value", replace(figSC, "value      = 22\nunit       = \"家\"", "value      = 22\nunit       = \"个\""), "unit … does not follow … in the quote"},
	{"unknown unit", replace(figSC, "unit       = \"%\"\n", "unit       = \"percent\"\n"), "unknown unit"},
	{"unknown key", replace(figSC, "cumulative = false", "cumulativ = false"), "unknown key"},
	{"unknown indicator", replace(figSC, `indicator  = "industrial-value-added-growth"`, `indicator  = "industrial-value-added-grwoth"`), "unknown indicator"},
	{"unknown report", replace(figSC, `report     = "2020-sichuan-review"`, `report     = "2020-sichuan-reveiw"`), "unknown report"},
	{"unknown region", replace(figSC, `region     = "sichuan"`, `region     = "szechuan"`), "unknown region"},
	{"month 13", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020-01..2020-13"`), "has a month outside 01–12"},
	{"period backwards", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020-11..2020-01"`), "ends before it starts"},
	{"period format", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020年"`), "is not YYYY, YYYY-MM..YYYY-MM or YYYY..YYYY"},
	{"unknown kind", replace(figSC, `kind       = "actual"`, `kind       = "estimate"`), "unknown kind"},
	{"duplicate figure id", replace(figSC, `id         = "sc-2020-ind-va-growth-above-national"`, `id         = "sc-2020-ind-va-growth"`), "figure id … is used twice"},
	{"figure syntax", replace(figSC, `region     = "sichuan"`, `region     = "sichuan`), "TOML syntax error"},
	{"empty figures file", writeFile("data/figures/2021-2025-chongqing-plans.toml", ""), "is not used by any figure"},
	{"BOM and CRLF", rewrite(figSC, func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }), ""},
	{"not UTF-8", rewrite(figSC, func(s string) string { return strings.Replace(s, "全省", "\xff\xfe", 1) }), "invalid UTF-8"},
	{"glossary term not rendered", rewrite(trSC, func(s string) string { return strings.ReplaceAll(s, "value added", "added value") }), "… has … in Chinese, but its English does not render it as the glossary does"},
	{"report updated", replace(reps, `published   = "2022-05-17"`, `published   = "2022-05-17"`+"\nupdated     = \"2022-05-01\""), "updated … is before the report was published"},
	{"report url", replace(reps, `published   = "2022-05-17"`, `published   = "2022-05-17"`+"\nurl         = \"cqrd.gov.cn\""), "url … is not a web address"},
	{"month 13 in a date", replace(reps, `published   = "2022-05-17"`, `published   = "2022-13-17"`), "… is not a date: there is no such month or day"},
	{"seed misspelt", replace(reps, `seed        = "001_69ed86bf7a6d565d.txt"`, `seed        = "001_69ed86bf7a6d565.txt"`), "seed … not found"},
	{"seed emptied", writeFile("seeds/001_69ed86bf7a6d565d.txt", ""), "seed … is empty"},
	{"title does not match", replace(reps, `title_zh    = "市经济信息委2021年工作情况报告"`, `title_zh    = "市经济信息委2021年工作报告"`), "title_zh does not match the title in the seed"},
	{"duplicate report id", replace(reps, `id          = "2021-chongqing-work-report"`, `id          = "2020-chongqing-review"`), "report id … is used twice"},
	{"erratum no longer matches", replace(reps, `original = "立足足"`, `original = "立足于"`), "erratum: … does not occur in the block"},
	{"unknown script", replace(reps, `script      = "Hans"`, `script      = "Simplified"`), "unknown script"},
	{"lines outside the seed", replace(reps, `lines       = [50, 102]`, `lines       = [50, 1020]`), "lines [a, b] are not lines of"},
	{"covers as text", replace(reps, `covers      = [2021, 2022]`, `covers      = ["2021", "2022"]`), "… must hold whole numbers, not …"},
	{"unused seed", writeFile("seeds/005_draft.txt", "草稿\n"), "no report uses this seed"},
	{"unknown category", replace(inds, `category         = "economy"`, `category         = "economics"`), "unknown category"},
	{"duplicate indicator id", replace(inds, `id               = "industrial-output-value"`, `id               = "industrial-output-scale"`), "indicator id … is used twice"},
	{"indicators syntax", replace(inds, "\n[[indicator]]\nid", "\n[[indicator]\nid"), "TOML syntax error"},
	{"translation of no block", replace(trSC, `id = "p-54"`, `id = "p-540"`), "block … does not exist in report"},
	{"block translated twice", replace(trSC, `id = "p-54"`, `id = "h-56"`), "block … is translated twice"},
	{"translation syntax", replace(trSC, `id = "p-54"`, `id = p-54`), "TOML syntax error"},
	{"translation emptied", replace(trSC, `en = "Key work in 2020"`, `en = ""`), "have empty English text"},
	{"stale translation", replace(trSC, `zh_hash = "a5c45c256ea6"`, `zh_hash = "000000000000"`), "stale translation of"},
	{"missing interface string", replace(enToml, `"nav.home" = "Home"`+"\n", ""), "missing interface string"},
	{"strings syntax", replace(enToml, `"nav.home" = "Home"`, `"nav.home" = Home`), "TOML syntax error"},
	{"base URL", replace("data/site.toml", `base_url = "/"`, `base_url = "example.org"`), "base URL … is neither an http(s) URL nor a path starting with /"},
	{"data licence", replace("data/site.toml", `data_license_url = "https://creativecommons.org/licenses/by/4.0/"`, `data_license_url = "CC BY 4.0"`), "data_license_url … is not a web address"},
	{"headline figure", replace("data/site.toml", `"cq-2024-ind-va-growth",`, `"cq-2024-ind-va-grow",`), "headline figure … does not exist"},
	{"glossary duplicate", replace("data/glossary.toml", `zh = "增加值"`, `zh = "规上工业"`), "term … is listed twice"},
	{"front matter unclosed", rewrite("content/en/about.md", func(s string) string { return strings.Replace(s, "+++", "", 2)[:0] + "+++\ntitle = \"About\"\n" }), "front matter is not closed"},
	{"page updated", replace("content/en/about.md", "+++\n\n", "updated = \"30 June 2025\"\n+++\n\n"), "updated … is not a day"},
	{"front matter key", replace("content/en/about.md", "title", "titel"), "unknown key"},
	{"nested too deep", rewrite("content/en/about.md", func(s string) string { return s + "\n" + strings.Repeat("- ", 2000) + "x\n" }), "Markdown nests lists or quotes more than"},
	{"layout syntax", replace("layouts/year.html", "{{range $y.Reports}}", "{{range $y.Reports}"), "layouts/….html:12:5: …"},
	{"layout field", replace("layouts/indicator.html", "{{.Title}}", "{{.Titel}}"), "(on 490 pages)"},
	{"unit of another kind", replace(figSC, "unit       = \"%\"\n", "unit       = \"个\"\n"), "unit … (a count) does not fit indicator …"},
	{"range upside down", replace("data/figures/2021-2025-chongqing-plans.toml", "value     = 2\nvalue_upper = 3", "value     = 3\nvalue_upper = 2"), "value_upper … is not above value …"},
	{"unknown change", replace("data/figures/2024-chongqing-advanced-manufacturing.toml", `change     = "up"`, `change     = "higher"`), "unknown per`, `unknown change"},
	{"inferred period without a note", rewrite("data/figures/2021-chongqing-work-report.toml", func(s string) string {
		return regexp.MustCompile(`(?m)^period_note_(zh|en) = .*\n`).ReplaceAllString(s, "")
	}), "the period is the editor's reading, but has no note"},
	{"indicator without what it counts", replace(inds, "counts_en        = \"measure\"\n", ""), "indicator … counts things (its unit … is a measure word) but has no counts_en"},
	{"indicator direction", replace(inds, `direction        = "higher"`, `direction        = "up"`), "unknown direction"},
}

// TestCatalogueOfBadInputs makes each edit to a fresh copy of the real site
// and runs check: the first message, its position and the exit status are
// exactly as listed, and docs/EDITING.md explains the message.
func TestCatalogueOfBadInputs(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join(testsite.Root(), "docs", "EDITING.md"))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "catalogue.golden")
	want := map[string]string{}
	if b, err := os.ReadFile(golden); err == nil {
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			name, rest, _ := strings.Cut(line, "\t")
			want[name] = rest
		}
	} else if !*update {
		t.Fatal(err)
	}
	got := make([]string, len(catalogue))
	t.Run("cases", func(t *testing.T) {
		for i, tc := range catalogue {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				root := testsite.Copy(t)
				tc.edit(t, root)
				code, stdout, stderr := run("check", "-root", root)
				first, _, _ := strings.Cut(stdout, "\n")
				got[i] = fmt.Sprintf("%d\t%s", code, first)
				if !*update && got[i] != want[tc.name] {
					t.Errorf("check: exit and first line\n%s\nwant\n%s\n(all output:\n%s%s)", got[i], want[tc.name], stdout, stderr)
				}
				if code == 0 && strings.Contains(first, "error") {
					t.Errorf("exit 0 with an error")
				}
				if !strings.Contains(string(guide), tc.doc) {
					t.Errorf("docs/EDITING.md does not explain %q", tc.doc)
				}
			})
		}
	})
	if *update {
		var b strings.Builder
		for i, tc := range catalogue {
			fmt.Fprintf(&b, "%s\t%s\n", tc.name, got[i])
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
