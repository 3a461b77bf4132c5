// Package content reads the editorial pages: content/{lang}/*.md (and
// content/{lang}/years/*.md), each with TOML front matter between +++ lines
// and a Markdown body rendered by goldmark. It is the third input of the
// pipeline, beside the seeds and the data.
//
// A page looks like this:
//
//	+++
//	title = "关于本站"
//	description = "来源、方法与许可"
//	+++
//
//	正文，Markdown 格式。
//
// The front matter keys are title (required), description, weight (the
// order of pages in lists) and updated, the day of the last change readers
// should hear of ("2025-06-30"): a page with it is an entry of the
// language's feed. Line numbers in errors count from the top of the
// file, front matter included.
package content

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"reportsite/internal/diag"
	"reportsite/internal/tomlx"
)

// Page is one editorial page.
type Page struct {
	Lang        string
	Name        string // path below content/{lang}/ without .md: "about", "years/2020"
	Path        string // the file, for errors
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Weight      int    `toml:"weight"`
	Updated     string `toml:"updated"` // YYYY-MM-DD or ""
	Body        template.HTML
}

// Load reads every page of every language.
func Load(fsys fs.FS, langs []string) (map[string]*Page, diag.List) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote, extension.Typographer))
	pages := map[string]*Page{}
	var errs diag.List
	for _, lang := range langs {
		root := path.Join("content", lang)
		var names []string
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".md") {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			errs.Add(diag.Pos{File: root}, "each language has a folder of Markdown pages", "cannot read: %v", err)
			continue
		}
		sort.Strings(names)
		for _, p := range names {
			page, e := parse(fsys, md, lang, p)
			errs = append(errs, e...)
			if page != nil {
				pages[Key(lang, page.Name)] = page
			}
		}
	}
	return pages, errs
}

// Key is the map key of a page: "zh/about".
func Key(lang, name string) string { return lang + "/" + name }

func parse(fsys fs.FS, md goldmark.Markdown, lang, p string) (*Page, diag.List) {
	src, rerr := diag.ReadInput(fsys, p)
	if rerr != nil {
		return nil, diag.List{rerr}
	}
	front, body, bodyLine, ok := split(src)
	if !ok {
		if strings.HasPrefix(string(src), "+++") {
			return nil, diag.List{{Pos: diag.Pos{File: p, Line: 1, Col: 1}, Msg: "front matter is not closed", Hint: "end the TOML keys with a line +++, before the Markdown"}}
		}
		return nil, diag.List{{Pos: diag.Pos{File: p, Line: 1, Col: 1}, Msg: "no front matter", Hint: "start the file with a line +++, the TOML keys (title = \"…\"), and another +++"}}
	}
	page := &Page{Lang: lang, Path: p, Name: strings.TrimSuffix(strings.TrimPrefix(p, "content/"+lang+"/"), ".md")}
	top, errs := tomlx.DecodeBytes(p, front, 1, page)
	if len(errs) > 0 {
		return nil, errs
	}
	if page.Updated != "" {
		if _, err := time.Parse("2006-01-02", page.Updated); err != nil {
			return nil, diag.List{{Pos: top.At("updated"), Msg: fmt.Sprintf("updated %q is not a day", page.Updated), Hint: `write the day of the change, updated = "2025-06-30", or leave it out`}}
		}
	}
	if strings.TrimSpace(page.Title) == "" {
		return nil, diag.List{{Pos: diag.Pos{File: p, Line: 2, Col: 1}, Msg: "page has no title", Hint: `add title = "…" to the front matter`}}
	}
	if len(src) > MaxPageSize {
		return nil, diag.List{{Pos: diag.Pos{File: p}, Msg: fmt.Sprintf("page is larger than %d KiB", MaxPageSize>>10), Hint: "split it into several pages"}}
	}
	if err := checkMarkdown(p, body, bodyLine); err != nil {
		return nil, diag.List{err}
	}
	var buf bytes.Buffer
	if err := md.Convert(body, &buf); err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: p, Line: bodyLine}, "Markdown: %v", err)}
	}
	page.Body = template.HTML(buf.String()) // goldmark escapes raw HTML by default
	return page, nil
}

// Limits that keep the Markdown parser, whose work grows faster than the
// input on some constructions, well under a second on any page. Real pages
// are a few kilobytes, nest lists two or three levels and have a few links
// in a paragraph.
const (
	// MaxPageSize is the largest Markdown page, front matter included.
	MaxPageSize = 256 << 10
	// MaxNesting is how deeply lists and block quotes may nest.
	MaxNesting = 16
	// MaxLinks is the most links ("](") a paragraph may hold.
	MaxLinks = 100
)

// checkMarkdown refuses a body whose blocks nest deeper than MaxNesting or
// whose paragraphs hold more than MaxLinks links, at the line and column
// where they do.
func checkMarkdown(file string, body []byte, bodyLine int) *diag.Error {
	links, paraStart := 0, 0
	for i, line := range strings.Split(string(body), "\n") {
		if strings.TrimSpace(line) == "" {
			links, paraStart = 0, i+1
		}
		if n := strings.Count(line, "]("); n > 0 {
			links += n
			if links > MaxLinks {
				return &diag.Error{Pos: diag.Pos{File: file, Line: bodyLine + paraStart, Col: 1},
					Msg:  fmt.Sprintf("paragraph has more than %d links", MaxLinks),
					Hint: "split the paragraph, or make the links a list"}
			}
		}
		// Each marker opens a level, and so does each step of indentation
		// before the first (nested list items are indented under their
		// parent).
		depth, col := 0, 0
		rest := line
		for depth <= MaxNesting {
			trimmed := strings.TrimLeft(rest, " \t")
			width := len(rest) - len(trimmed)
			n := containerMarker(trimmed)
			if n == 0 {
				break
			}
			if col == 0 {
				depth += width / 2
			}
			depth++
			col += width + n
			rest = trimmed[n:]
		}
		if depth > MaxNesting {
			return &diag.Error{Pos: diag.Pos{File: file, Line: bodyLine + i, Col: utf8.RuneCountInString(line[:min(col, len(line))]) + 1},
				Msg:  fmt.Sprintf("Markdown nests lists or quotes more than %d levels deep", MaxNesting),
				Hint: "flatten the list; a page needs two or three levels at most"}
		}
	}
	return nil
}

// containerMarker returns the length of a list item or block quote marker
// at the start of s ("- ", "* ", "+ ", "1. ", "> "), or 0.
func containerMarker(s string) int {
	switch {
	case strings.HasPrefix(s, ">"):
		return 1
	case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
		return 2
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 2
	}
	return 0
}

// split separates the front matter from the body. bodyLine is the line the
// body starts on.
func split(src []byte) (front, body []byte, bodyLine int, ok bool) {
	lines := strings.SplitAfter(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	fence := func(l string) bool { return strings.TrimRight(l, " \t\n") == "+++" }
	if len(lines) == 0 || !fence(lines[0]) {
		return nil, nil, 0, false
	}
	for i := 1; i < len(lines); i++ {
		if fence(lines[i]) {
			return []byte(strings.Join(lines[1:i], "")), []byte(strings.Join(lines[i+1:], "")), i + 2, true
		}
	}
	return nil, nil, 0, false
}
