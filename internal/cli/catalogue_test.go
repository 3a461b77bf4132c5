package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/internal/testsite"
)

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
var catalogue = []struct {
	name string
	edit edit
	code int
	want string // the first line check prints
	doc  string // how docs/EDITING.md lists the message
}{
	// Figures.
	{"quote typo", replace(figSC, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0%"`, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0％"`), 1,
		`data/figures/2020-sichuan-review.toml:16:14: quote not found in report 2020-sichuan-review (the closest text is in p-54: "1月—11月，全省规模以上工业增加值同比增长4.0%，比全国平均"; at character 26 the quote has "％" where the report has "%")`, "quote not found in report"},
	{"quote too long", replace(figSC, `quote      = "1月—11月，全省规模以上工业增加值同比增长4.0%"`, `quote      = "`+strings.Repeat("增长", 200)+`"`), 1,
		`data/figures/2020-sichuan-review.toml:16:14: quote is 400 characters long (quote the clause that holds the number, at most 300 characters)`, "quote is … characters long"},
	{"value as text", replace(figSC, "value      = 4.0\n", "value      = \"4.0\"\n"), 1,
		`data/figures/2020-sichuan-review.toml:11:14: value must be a number, not text ("4.0") (write the number without quotes, e.g. value = 5.5)`, "… must be a number, not …"},
	{"value not in quote", replace(figSC, "value      = 4.0\n", "value      = 4.5\n"), 1,
		`data/figures/2020-sichuan-review.toml:11:14: value 4.5 does not occur in the quote (value is the number as written in the quote: 1, 11, 4.0)`, "value … does not occur in the quote"},
	{"unit not after value", replace(figSC, "unit       = \"%\"\n", "unit       = \"个\"\n"), 1,
		`data/figures/2020-sichuan-review.toml:12:14: unit "个" does not follow 4.0 in the quote (the unit is what the quote writes right after the number)`, "unit … does not follow … in the quote"},
	{"unknown unit", replace(figSC, "unit       = \"%\"\n", "unit       = \"percent\"\n"), 1,
		`data/figures/2020-sichuan-review.toml:12:14: unknown unit "percent" (write the unit as in the quote, e.g. %, 万个, 亿元; docs/EDITING.md lists them)`, "unknown unit"},
	{"unknown key", replace(figSC, "cumulative = false", "cumulativ = false"), 1,
		`data/figures/2020-sichuan-review.toml:14:1: unknown key "cumulativ" (did you mean "cumulative"?)`, "unknown key"},
	{"unknown indicator", replace(figSC, `indicator  = "industrial-value-added-growth"`, `indicator  = "industrial-value-added-grwoth"`), 1,
		`data/figures/2020-sichuan-review.toml:7:14: unknown indicator "industrial-value-added-grwoth" (add it to data/indicators.toml or use an existing id; did you mean "industrial-value-added-growth"?)`, "unknown indicator"},
	{"unknown report", replace(figSC, `report     = "2020-sichuan-review"`, `report     = "2020-sichuan-reveiw"`), 1,
		`data/figures/2020-sichuan-review.toml:15:14: unknown report "2020-sichuan-reveiw" (use an id from data/reports.toml; did you mean "2020-sichuan-review"?)`, "unknown report"},
	{"unknown region", replace(figSC, `region     = "sichuan"`, `region     = "szechuan"`), 1,
		`data/figures/2020-sichuan-review.toml:8:14: unknown region "szechuan" (use chongqing, sichuan, chengdu-chongqing)`, "unknown region"},
	{"month 13", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020-01..2020-13"`), 1,
		`data/figures/2020-sichuan-review.toml:9:14: period "2020-01..2020-13" has a month outside 01–12 (e.g. "2020", "2020-01..2020-11" or "2021..2025")`, "has a month outside 01–12"},
	{"period backwards", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020-11..2020-01"`), 1,
		`data/figures/2020-sichuan-review.toml:9:14: period "2020-11..2020-01" ends before it starts (e.g. "2020", "2020-01..2020-11" or "2021..2025")`, "ends before it starts"},
	{"period format", replace(figSC, `period     = "2020-01..2020-11"`, `period     = "2020年"`), 1,
		`data/figures/2020-sichuan-review.toml:9:14: period "2020年" is not YYYY, YYYY-MM..YYYY-MM or YYYY..YYYY (e.g. "2020", "2020-01..2020-11" or "2021..2025")`, "is not YYYY, YYYY-MM..YYYY-MM or YYYY..YYYY"},
	{"unknown kind", replace(figSC, `kind       = "actual"`, `kind       = "estimate"`), 1,
		`data/figures/2020-sichuan-review.toml:10:14: unknown kind "estimate" (use actual, expected (预计/有望) or target (力争, plans))`, "unknown kind"},
	{"duplicate figure id", replace(figSC, `id         = "sc-2020-ind-va-growth-above-national"`, `id         = "sc-2020-ind-va-growth"`), 1,
		`data/figures/2020-sichuan-review.toml:19:14: figure id "sc-2020-ind-va-growth" is used twice (figure ids are unique across all files; the first is at data/figures/2020-sichuan-review.toml:6:14)`, "figure id … is used twice"},
	{"figure syntax", replace(figSC, `region     = "sichuan"`, `region     = "sichuan`), 1,
		`data/figures/2020-sichuan-review.toml:8:22: TOML syntax error: strings cannot contain newlines (docs/EDITING.md shows the format of every file)`, "TOML syntax error"},
	{"empty figures file", writeFile("data/figures/2021-2025-chongqing-plans.toml", ""), 0,
		`data/indicators.toml:18:1: warning: indicator "industrial-output-scale" is not used by any figure (add a figure that uses it, or remove it)`, "is not used by any figure"},
	{"BOM and CRLF", rewrite(figSC, func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }), 0,
		`check: ok, 0 warnings; 524 pages, 90 charts, 343 figures, 581 files`, ""},
	{"not UTF-8", rewrite(figSC, func(s string) string { return strings.Replace(s, "全省", "\xff\xfe", 1) }), 1,
		`data/figures/2020-sichuan-review.toml:16:22: invalid UTF-8 (save the file as UTF-8 text)`, "invalid UTF-8"},
	// Reports and seeds.
	{"month 13 in a date", replace(reps, `published   = "2022-05-17"`, `published   = "2022-13-17"`), 1,
		`data/reports.toml:63:15: published: "2022-13-17" is not a date: there is no such month or day (write the date the report was published: YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2022-05-17")`, "… is not a date: there is no such month or day"},
	{"seed misspelt", replace(reps, `seed        = "001_69ed86bf7a6d565d.txt"`, `seed        = "001_69ed86bf7a6d565.txt"`), 1,
		`data/reports.toml:56:15: seed "seeds/001_69ed86bf7a6d565.txt" not found (seeds/ holds no such file; did you mean "001_69ed86bf7a6d565d.txt"?)`, "seed … not found"},
	{"seed emptied", writeFile("seeds/001_69ed86bf7a6d565d.txt", ""), 1,
		`data/reports.toml:56:15: seed seeds/001_69ed86bf7a6d565d.txt is empty (a seed holds the report's text as published; restore it from ../shared/seeds or the original source)`, "seed … is empty"},
	{"title does not match", replace(reps, `title_zh    = "市经济信息委2021年工作情况报告"`, `title_zh    = "市经济信息委2021年工作报告"`), 1,
		`data/reports.toml:57:15: title_zh does not match the title in the seed (the seed's title at seeds/001_69ed86bf7a6d565d.txt:1 reads "市经济信息委2021年工作情况报告")`, "title_zh does not match the title in the seed"},
	{"duplicate report id", replace(reps, `id          = "2021-chongqing-work-report"`, `id          = "2020-chongqing-review"`), 1,
		`data/reports.toml:55:15: report id "2020-chongqing-review" is used twice (the first is at data/reports.toml:7:15)`, "report id … is used twice"},
	{"erratum no longer matches", replace(reps, `original = "立足足"`, `original = "立足于"`), 1,
		`data/reports.toml:47:14: erratum: "立足于" does not occur in the block at line 62 (p-62) (original must be the text as printed, around the given line)`, "erratum: … does not occur in the block"},
	{"unknown script", replace(reps, `script      = "Hans"`, `script      = "Simplified"`), 1,
		`data/reports.toml:19:15: unknown script "Simplified" (use "Hans" (Simplified) or "Hant" (Traditional))`, "unknown script"},
	{"lines outside the seed", replace(reps, `lines       = [50, 102]`, `lines       = [50, 1020]`), 1,
		`data/reports.toml:26:15: lines [50, 1020] are not lines of seeds/000_a19e5075c3e7a025.txt, which has 102 lines (write [first, last] with 1 ≤ first ≤ last ≤ 102)`, "lines [a, b] are not lines of"},
	{"covers as text", replace(reps, `covers      = [2021, 2022]`, `covers      = ["2021", "2022"]`), 1,
		`data/reports.toml:65:15: covers must hold whole numbers, not text ("2021") (write a list such as covers = [2020, 2021])`, "… must hold whole numbers, not …"},
	{"unused seed", writeFile("seeds/005_draft.txt", "草稿\n"), 0,
		`seeds/005_draft.txt: warning: no report uses this seed (name it as the seed of a report in data/reports.toml, or as an alternate copy, or remove it)`, "no report uses this seed"},
	// Indicators.
	{"unknown category", replace(inds, `category         = "economy"`, `category         = "economics"`), 1,
		`data/indicators.toml:12:20: unknown category "economics" (use economy, sectors, products, innovation, digital, green, enterprises, investment, open-economy, business-environment)`, "unknown category"},
	{"duplicate indicator id", replace(inds, `id               = "industrial-output-value"`, `id               = "industrial-output-scale"`), 1,
		`data/indicators.toml:30:20: indicator id "industrial-output-scale" is used twice (the first is at data/indicators.toml:19:20)`, "indicator id … is used twice"},
	{"indicators syntax", replace(inds, "\n[[indicator]]\nid", "\n[[indicator]\nid"), 1,
		`data/indicators.toml:8:12: TOML syntax error: expected end of table array name delimiter ']', but got '\n' instead (docs/EDITING.md shows the format of every file)`, "TOML syntax error"},
	// Translations.
	{"translation of no block", replace(trSC, `id = "p-54"`, `id = "p-540"`), 1,
		`data/translations/en/2020-sichuan-review.toml:8:6: block "p-540" does not exist in report 2020-sichuan-review (ids are the block ids of the Chinese text, such as p-12 or h-10; remove the entry or correct its id)`, "block … does not exist in report"},
	{"block translated twice", replace(trSC, `id = "p-54"`, `id = "h-56"`), 1,
		`data/translations/en/2020-sichuan-review.toml:14:6: block "h-56" is translated twice (keep one of them; the first is at data/translations/en/2020-sichuan-review.toml:8:6)`, "block … is translated twice"},
	{"translation syntax", replace(trSC, `id = "p-54"`, `id = p-54`), 1,
		`data/translations/en/2020-sichuan-review.toml:8:6: TOML syntax error: expected value but found "p" instead (docs/EDITING.md shows the format of every file)`, "TOML syntax error"},
	{"translation emptied", replace(trSC, `en = "Key work in 2020"`, `en = ""`), 0,
		`data/translations/en/2020-sichuan-review.toml:16:6: warning: 1 block has empty English text: h-56 (write its English in en = "…")`, "have empty English text"},
	{"stale translation", replace(trSC, `zh_hash = "a5c45c256ea6"`, `zh_hash = "000000000000"`), 0,
		`data/translations/en/2020-sichuan-review.toml:9:11: warning: stale translation of p-54: the Chinese changed since it was translated (review the English against the Chinese, then set zh_hash = "a5c45c256ea6")`, "stale translation of"},
	// Interface strings, settings, glossary.
	{"missing interface string", replace(enToml, `"nav.home" = "Home"`+"\n", ""), 1,
		`data/i18n/en.toml: missing interface string "nav.home" (data/i18n/zh.toml defines it at data/i18n/zh.toml:6:14)`, "missing interface string"},
	{"strings syntax", replace(enToml, `"nav.home" = "Home"`, `"nav.home" = Home`), 1,
		`data/i18n/en.toml:6:14: TOML syntax error: expected value but found "Home" instead (docs/EDITING.md shows the format of every file)`, "TOML syntax error"},
	{"base URL", replace("data/site.toml", `base_url = "/"`, `base_url = "example.org"`), 1,
		`data/site.toml:8:12: base URL example.org is neither an http(s) URL nor a path starting with / (use "/" for a local build, or https://OWNER.github.io/REPO/)`, "base URL … is neither an http(s) URL nor a path starting with /"},
	{"headline figure", replace("data/site.toml", `"cq-2024-ind-va-growth",`, `"cq-2024-ind-va-grow",`), 1,
		`data/site.toml:16:3: headline figure "cq-2024-ind-va-grow" does not exist (headline lists figure ids from data/figures/)`, "headline figure … does not exist"},
	{"glossary duplicate", replace("data/glossary.toml", `zh = "增加值"`, `zh = "规上工业"`), 1,
		`data/glossary.toml:18:6: term "规上工业" is listed twice (keep one entry per term; the first is at data/glossary.toml:7:6)`, "term … is listed twice"},
	// Pages and layouts.
	{"front matter unclosed", rewrite("content/en/about.md", func(s string) string { return strings.Replace(s, "+++", "", 2)[:0] + "+++\ntitle = \"About\"\n" }), 1,
		`content/en/about.md:1:1: front matter is not closed (end the TOML keys with a line +++, before the Markdown)`, "front matter is not closed"},
	{"front matter key", replace("content/en/about.md", "title", "titel"), 1,
		`content/en/about.md:2:1: unknown key "titel" (did you mean "title"?)`, "unknown key"},
	{"nested too deep", rewrite("content/en/about.md", func(s string) string { return s + "\n" + strings.Repeat("- ", 2000) + "x\n" }), 1,
		`content/en/about.md:26:35: Markdown nests lists or quotes more than 16 levels deep (flatten the list; a page needs two or three levels at most)`, "Markdown nests lists or quotes more than"},
	{"layout syntax", replace("layouts/year.html", "{{range $y.Reports}}", "{{range $y.Reports}"), 1,
		`layouts/year.html:5: bad character U+007D '}'`, "layouts/….html:12:5: …"},
	{"layout field", replace("layouts/indicator.html", "{{.Title}}", "{{.Titel}}"), 1,
		`layouts/indicator.html:3:7: executing "main" at <.Titel>: can't evaluate field Titel in type *site.View (on 490 pages)`, "(on 490 pages)"},
}

// TestCatalogueOfBadInputs makes each edit to a fresh copy of the real site
// and runs check: the first message, its position and the exit status are
// exactly as listed, and docs/EDITING.md explains the message.
func TestCatalogueOfBadInputs(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join(testsite.Root(), "docs", "EDITING.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range catalogue {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root := testsite.Copy(t)
			tc.edit(t, root)
			code, stdout, stderr := run("check", "-root", root)
			first, _, _ := strings.Cut(stdout, "\n")
			if code != tc.code || first != tc.want {
				t.Errorf("check: exit %d, first line\n%s\nwant exit %d,\n%s\n(all output:\n%s%s)", code, first, tc.code, tc.want, stdout, stderr)
			}
			if !strings.Contains(string(guide), tc.doc) {
				t.Errorf("docs/EDITING.md does not explain %q", tc.doc)
			}
		})
	}
}
