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
// The front matter keys are title (required), description and weight (the
// order of pages in lists). Line numbers in errors count from the top of the
// file, front matter included.
package content

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

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
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: p}, "cannot read: %v", err)}
	}
	front, body, bodyLine, ok := split(src)
	if !ok {
		return nil, diag.List{{Pos: diag.Pos{File: p, Line: 1, Col: 1}, Msg: "no front matter", Hint: "start the file with a line +++, the TOML keys (title = \"…\"), and another +++"}}
	}
	page := &Page{Lang: lang, Path: p, Name: strings.TrimSuffix(strings.TrimPrefix(p, "content/"+lang+"/"), ".md")}
	if _, errs := tomlx.DecodeBytes(p, front, 1, page); len(errs) > 0 {
		return nil, errs
	}
	if strings.TrimSpace(page.Title) == "" {
		return nil, diag.List{{Pos: diag.Pos{File: p, Line: 2, Col: 1}, Msg: "page has no title", Hint: `add title = "…" to the front matter`}}
	}
	var buf bytes.Buffer
	if err := md.Convert(body, &buf); err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: p, Line: bodyLine}, "Markdown: %v", err)}
	}
	page.Body = template.HTML(buf.String()) // goldmark escapes raw HTML by default
	return page, nil
}

// split separates the front matter from the body. bodyLine is the line the
// body starts on.
func split(src []byte) (front, body []byte, bodyLine int, ok bool) {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.HasPrefix(s, "+++\n") {
		return nil, nil, 0, false
	}
	rest := s[len("+++\n"):]
	end := strings.Index(rest, "\n+++\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n+++") {
			end = len(rest) - len("\n+++")
		} else {
			return nil, nil, 0, false
		}
	}
	front = []byte(rest[:end+1])
	bodyStart := min(end+len("\n+++\n"), len(rest))
	return front, []byte(rest[bodyStart:]), 2 + strings.Count(rest[:bodyStart], "\n"), true
}
