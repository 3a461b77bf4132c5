package site

import (
	"fmt"
	"html/template"
	"strings"
)

// Frame is what the frame of a page shows — its head, its header and what
// follows its main part — worked out once per page, so that
// layouts/base.html reads fields: a method called from a template costs
// several times a field.
//
// Most of a frame is the same on every page of a language, layout and
// section: the stylesheet, the feeds, the site's card, the navigation, the
// footer, the scripts. Those parts (Head, HeaderStart, HeaderEnd and End)
// are rendered once per build for each kind of page, by partials that are
// given a Shared, which holds nothing of one page; a page's frame only
// fills in what is its own: its title, and what it says about itself in
// its head (its addresses, card and structured data) and the link to it
// in the other language, which are written in Go (writeMeta).
type Frame struct {
	Layout      string
	HTMLLang    string
	Title       string // in <title>, with the site's title after the page's
	Description string

	// Meta is what the page says about itself in its <head>, after the
	// shared part: its versions in each language, its canonical address,
	// its card and its structured data (writeMeta).
	Meta template.HTML

	// The header of a page in one language (Lang is "" on the pages in
	// both languages, which have none), around the link to the page in
	// the other language (LangSwitch).
	Lang       string
	LangSwitch template.HTML

	// The shared parts, rendered by the partials "head-shared",
	// "header-start", "header-end" and "page-end".
	Head, HeaderStart, HeaderEnd, End template.HTML
}

// pageMeta is what Frame.Meta says, and the link to the page in the
// other language.
type pageMeta struct {
	alternates     []Alt
	canonical      string // the page's address; "" on the 404 page, served at any address
	pageTitle      string // the page's title alone, for the card
	description    string
	published      string
	structuredData template.JS // the page's schema.org JSON-LD, or ""
	twin, twinLang string
	twinLabel      string
}

// pageMeta works out what the page says about itself.
func (v *View) pageMeta() (*pageMeta, error) {
	m := &pageMeta{alternates: v.Alternates(), pageTitle: v.Page.Title, description: v.Description, published: v.Published()}
	if v.Layout != "404" {
		m.canonical = v.Self()
	}
	var err error
	if m.structuredData, err = v.StructuredData(); err != nil {
		return nil, err
	}
	if v.Lang != "" {
		m.twin, m.twinLabel = v.Twin(), v.T("nav.other_language")
		m.twinLang = "en"
		if v.Other() == "zh" {
			m.twinLang = "zh-Hans"
		}
	}
	return m, nil
}

// writeMeta writes m as Frame.Meta: the markup is the site's head as its
// layouts wrote it, byte for byte (TestFrameAsTemplate), in Go because
// every page has a dozen such values, and a template action costs about a
// microsecond, mostly in reflective calls.
func (m *pageMeta) writeMeta(b *strings.Builder) {
	for _, a := range m.alternates {
		b.WriteString(`<link rel="alternate" hreflang="`)
		writeLayoutEsc(b, a.HrefLang)
		b.WriteString(`" href="`)
		writeURL(b, a.Href)
		b.WriteString("\">\n")
	}
	if m.canonical != "" {
		b.WriteString(`<link rel="canonical" href="`)
		writeURL(b, m.canonical)
		b.WriteString("\">\n")
	}
	b.WriteString(`<meta property="og:title" content="`)
	writeLayoutEsc(b, m.pageTitle)
	b.WriteString("\">\n")
	for _, p := range [...]struct{ property, content string }{{"og:description", m.description}, {"og:url", m.canonical}, {"article:published_time", m.published}} {
		if p.content != "" {
			b.WriteString(`<meta property="` + p.property + `" content="`)
			writeLayoutEsc(b, p.content)
			b.WriteString("\">\n")
		}
	}
	if m.structuredData != "" {
		b.WriteString(`<script type="application/ld+json">`)
		b.WriteString(string(m.structuredData))
		b.WriteString("</script>\n")
	}
}

// size is about the length of what writeMeta writes, so that it is written
// into one allocation.
func (m *pageMeta) size() int {
	n := 400 + len(m.pageTitle) + 2*(len(m.canonical)+len(m.description)) + len(m.published) + len(m.structuredData)
	for _, a := range m.alternates {
		n += 40 + len(a.Href)
	}
	return n + n/8 // for escapes
}

// writeLangSwitch writes the link to the page in the other language.
func (m *pageMeta) writeLangSwitch(b *strings.Builder) {
	b.WriteString(`<a class="lang-switch" href="`)
	writeURL(b, m.twin)
	b.WriteString(`" hreflang="`)
	writeLayoutEsc(b, m.twinLang)
	b.WriteString(`" lang="`)
	writeLayoutEsc(b, m.twinLang)
	b.WriteString(`">`)
	writeLayoutEsc(b, m.twinLabel)
	b.WriteString("</a>")
}

// Shared is what the shared parts of a frame show: the same on every page
// of a language, layout and section, with or without charts, with or
// without a script of its own.
type Shared struct {
	Lang        string // "" on the pages in both languages
	Assets      template.HTML
	HasCharts   bool
	Feeds       []Feed
	SiteTitle   string
	OGType      string
	OGLocale    string
	OGAltLocale string
	Card        Card
	CiteScript  template.HTML
	Skip        string
	Nav         template.HTML
	SearchBox   template.HTML
	Footer      template.HTML
	ChartsJS    string // the addresses of the chart script and of ECharts
	ECharts     string
	Script      string // the address of the page's own script, or ""
	LiveReload  bool
}

// Frame works out the frame of the page.
func (v *View) Frame() (*Frame, error) {
	f := &Frame{Layout: v.Layout, HTMLLang: v.HTMLLang(), Title: v.Page.Title, Description: v.Description, Lang: v.Lang}
	if v.Lang != "" && v.Layout != "home" {
		f.Title += " · " + v.SiteTitle()
	}
	m, err := v.pageMeta()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.Grow(m.size())
	m.writeMeta(&b)
	f.Meta = template.HTML(b.String())
	if v.Lang != "" {
		b.Reset()
		m.writeLangSwitch(&b)
		f.LangSwitch = template.HTML(b.String())
	}
	// The key names everything a Shared is made of; it is worked out only
	// for the first page of its kind.
	key := fmt.Sprint(v.Lang, "|", v.Layout, "|", v.Section, "|", v.HasCharts(), "|", v.Script, "|", v.LiveReload())
	type part struct {
		partial string
		html    *template.HTML
	}
	parts := []part{{"head-shared", &f.Head}, {"page-end", &f.End}}
	if v.Lang != "" {
		parts = append(parts, part{"header-start", &f.HeaderStart}, part{"header-end", &f.HeaderEnd})
	}
	var shared *Shared
	for _, part := range parts {
		*part.html, err = v.Site.templates.PartialOf(part.partial, key, func() (any, error) {
			if shared == nil {
				var err error
				if shared, err = v.shared(); err != nil {
					return nil, err
				}
			}
			return shared, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

// shared works out the shared parts of the page's frame.
func (v *View) shared() (*Shared, error) {
	s := &Shared{Lang: v.Lang, HasCharts: v.HasCharts(), Feeds: v.Feeds(), SiteTitle: v.SiteTitle(), OGType: v.OGType(),
		OGLocale: v.OGLocale(), OGAltLocale: v.OGAltLocale(), Card: v.Card(), LiveReload: v.LiveReload(),
		ChartsJS: v.Href("assets/js/charts.js"), ECharts: v.Href("assets/vendor/echarts/echarts.min.js")}
	if v.Script != "" {
		s.Script = v.Href(v.Script)
	}
	var err error
	if s.Assets, err = v.Assets(); err != nil {
		return nil, err
	}
	if s.CiteScript, err = v.CiteScript(); err != nil {
		return nil, err
	}
	if v.Lang == "" {
		return s, nil
	}
	s.Skip = v.T("nav.skip")
	if s.Nav, err = v.Nav(); err != nil {
		return nil, err
	}
	if v.Section != "search" {
		if s.SearchBox, err = v.SearchBox(); err != nil {
			return nil, err
		}
	}
	if s.Footer, err = v.Footer(); err != nil {
		return nil, err
	}
	return s, nil
}
