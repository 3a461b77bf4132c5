package seed

import (
	"flag"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// article is the part of reports.toml this package's tests need: which
// lines of which seed make a document.
type article struct {
	Name  string
	Seed  string
	First int
	Last  int
}

// articles lists every report and alternate copy in data/reports.toml.
func articles(t testing.TB) []article {
	t.Helper()
	var cfg struct {
		Report []struct {
			ID        string
			Seed      string
			Lines     []int
			Alternate []struct{ Seed string }
		}
	}
	if _, err := toml.DecodeFile("../../data/reports.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	var out []article
	for _, r := range cfg.Report {
		a := article{Name: r.ID, Seed: r.Seed}
		if len(r.Lines) == 2 {
			a.First, a.Last = r.Lines[0], r.Lines[1]
		}
		out = append(out, a)
		for _, alt := range r.Alternate {
			out = append(out, article{Name: r.ID + ".alternate", Seed: alt.Seed})
		}
	}
	return out
}

func parseArticle(t *testing.T, a article) *Document {
	t.Helper()
	src, err := os.ReadFile(path.Join("../../seeds", a.Seed))
	if err != nil {
		t.Fatal(err)
	}
	first := max(a.First, 1)
	d, err := Parse("seeds/"+a.Seed, src, first, a.Last)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dump writes a document in a form that is easy to read in a diff.
func dump(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %v %q\n", d.TitleLines, d.Title)
	for _, x := range d.Blocks {
		fmt.Fprintf(&b, "%v %s", x.Lines, x.Kind)
		if x.ID != "" {
			fmt.Fprintf(&b, " %s", x.ID)
		}
		if x.Field != "" {
			fmt.Fprintf(&b, " field=%s", x.Field)
		}
		if x.Level != 0 {
			fmt.Fprintf(&b, " level=%d", x.Level)
		}
		if x.Marker != "" {
			fmt.Fprintf(&b, " marker=%q", x.Marker)
		}
		if x.Lead != "" {
			fmt.Fprintf(&b, " lead=%q", x.Lead)
		}
		if x.Kind == Paragraph && !x.Complete {
			b.WriteString(" incomplete")
		}
		fmt.Fprintf(&b, "\n\t%s\n", abbreviate(x.Text))
	}
	return b.String()
}

// abbreviate keeps the start and end of a long text: the golden files test
// structure and joins, and the accounting test checks every character.
func abbreviate(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:30]) + " … " + string(r[len(r)-20:])
}

func TestGolden(t *testing.T) {
	for _, a := range articles(t) {
		t.Run(a.Name, func(t *testing.T) {
			got := dump(parseArticle(t, a))
			file := path.Join("testdata", a.Name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/seed -update)", err)
			}
			if got != string(want) {
				t.Errorf("Parse(%s) differs from %s; run with -update and review the diff\n%s", a.Seed, file, firstDiff(got, string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

// TestEveryLineAccounted proves that no line of any seed is lost: each
// non-blank line belongs to exactly one document (a report or an alternate
// copy), is classified, and its text is in the block it went into.
func TestEveryLineAccounted(t *testing.T) {
	owner := map[string][]string{} // seed -> line -> name
	for _, a := range articles(t) {
		d := parseArticle(t, a)
		src, _ := os.ReadFile(path.Join("../../seeds", a.Seed))
		lines := strings.Split(string(src), "\n")
		if owner[a.Seed] == nil {
			owner[a.Seed] = make([]string, len(lines)+1)
		}
		for n := d.First; n <= d.Last; n++ {
			text := clean(lines[n-1])
			kind := d.LineKinds[n-d.First]
			if text == "" {
				if kind != Blank {
					t.Errorf("%s:%d: blank line classified as %v", a.Seed, n, kind)
				}
				continue
			}
			if prev := owner[a.Seed][n]; prev != "" {
				t.Errorf("%s:%d: line belongs to both %s and %s", a.Seed, n, prev, a.Name)
			}
			owner[a.Seed][n] = a.Name
			if kind == Title {
				if !strings.Contains(d.Title, text) {
					t.Errorf("%s:%d: title line %q not in title %q", a.Seed, n, text, d.Title)
				}
				continue
			}
			b := d.BlockAt(n)
			if b == nil || kind == Blank {
				t.Errorf("%s:%d: line %q is not accounted for", a.Seed, n, text)
				continue
			}
			whole := b.Lead + b.Text
			if b.Kind == Highlight {
				whole = "●" + whole
			}
			if !strings.Contains(whole, text) {
				t.Errorf("%s:%d: line %q is not in its %v block %q", a.Seed, n, text, b.Kind, whole)
			}
		}
	}
	entries, err := os.ReadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src, _ := os.ReadFile(path.Join("../../seeds", e.Name()))
		for i, l := range strings.Split(string(src), "\n") {
			if clean(l) != "" && (owner[e.Name()] == nil || owner[e.Name()][i+1] == "") {
				t.Errorf("%s:%d: line is in no report or alternate copy of data/reports.toml", e.Name(), i+1)
			}
		}
	}
}

func TestParseSmall(t *testing.T) {
	src := "标题一行\n\n某某委员会\n\n2020年重点工作\n\n(一)稳增长。第一句，\n●要点。\n图为某处\n接下来。\n"
	d, err := Parse("x.txt", []byte(src), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := dump(d)
	want := `title [1] "标题一行"
[3] meta field=issuer
	某某委员会
[5] heading h-5 level=1
	2020年重点工作
[7 10] paragraph p-7 level=2 marker="(一)" lead="(一)稳增长。"
	第一句，接下来。
[8] highlight hl-8
	要点。
[9] caption cap-9
	图为某处
`
	if got != want {
		t.Errorf("Parse(%q) =\n%s\nwant\n%s", src, got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src         string
		first, last int
		want        string
	}{
		{"好\n坏\xff\n", 1, 0, "x.txt:2:2: invalid UTF-8 (seeds are UTF-8 text)"},
		{"一\n二\n", 2, 5, "x.txt: line range 2–5 is outside the seed, which has 3 lines"},
	} {
		_, err := Parse("x.txt", []byte(tc.src), tc.first, tc.last)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q, %d, %d) error = %v, want %q", tc.src, tc.first, tc.last, err, tc.want)
		}
	}
}

func TestCorrect(t *testing.T) {
	src := "(三)高位推动。各地立足足\n图为风机\n势、合力攻坚。\n"
	d, err := Parse("x.txt", []byte(src), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := d.Correct(3, "立足足势", "立足优势", 1)
	if err != nil {
		t.Fatal(err)
	}
	if b.Text != "各地立足优势、合力攻坚。" {
		t.Errorf("corrected text = %q", b.Text)
	}
	want := Correction{Offset: len("各地立足"), Original: "足", Corrected: "优", Ref: 1}
	if len(b.Corrections) != 1 || b.Corrections[0] != want {
		t.Errorf("corrections = %+v, want %+v", b.Corrections, want)
	}
	if _, err := d.Correct(1, "不存在", "x", 2); err == nil {
		t.Error("Correct with text not in the block: no error")
	}
}

// BenchmarkParse parses every report of the real site's seeds once per
// iteration.
func BenchmarkParse(b *testing.B) {
	type input struct {
		a   article
		src []byte
	}
	var in []input
	for _, a := range articles(b) {
		src, err := os.ReadFile(path.Join("../../seeds", a.Seed))
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, input{a, src})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range in {
			if _, err := Parse("seeds/"+x.a.Seed, x.src, max(x.a.First, 1), x.a.Last); err != nil {
				b.Fatal(err)
			}
		}
	}
}
