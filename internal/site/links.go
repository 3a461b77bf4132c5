package site

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"
)

var reHref = regexp.MustCompile(`(href|src)="([^"]*)"`)

// resolveLinks rewrites the links of an editorial page's HTML so that they
// work under any base URL: a relative link ("../data/") is resolved against
// the page's own address, a root link ("/zh/data/") is put below the base.
// Links to other sites and fragments are left alone.
func (s *Site) resolveLinks(body template.HTML, pageURL string) template.HTML {
	page, _ := url.Parse("/" + pageURL)
	out := reHref.ReplaceAllStringFunc(string(body), func(m string) string {
		sub := reHref.FindStringSubmatch(m)
		raw := strings.ReplaceAll(sub[2], "&amp;", "&")
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "#") || raw == "" {
			return m
		}
		abs := page.ResolveReference(u)
		return sub[1] + `="` + template.HTMLEscapeString(s.Base+strings.TrimPrefix(abs.String(), "/")) + `"`
	})
	return template.HTML(out)
}
