package site

import (
	"fmt"
	"html/template"
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
// fills in what is its own (its title, addresses and structured data).
type Frame struct {
	Layout      string
	HTMLLang    string
	Title       string // in <title>, with the site's title after the page's
	PageTitle   string // alone, for the card
	Description string
	Alternates  []Alt
	Canonical   string // the page's address; "" on the 404 page, served at any address
	Published   string
	// StructuredData is the page's schema.org JSON-LD, or "".
	StructuredData template.JS

	// The header of a page in one language (Lang is "" on the pages in
	// both languages, which have none).
	Lang      string
	Twin      string // the page in the other language
	TwinLang  string // its lang and hreflang
	TwinLabel string

	// The shared parts, rendered by the partials "head-shared",
	// "header-start", "header-end" and "page-end".
	Head, HeaderStart, HeaderEnd, End template.HTML
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
	f := &Frame{Layout: v.Layout, HTMLLang: v.HTMLLang(), Title: v.Page.Title, PageTitle: v.Page.Title, Description: v.Description,
		Alternates: v.Alternates(), Published: v.Published(), Lang: v.Lang}
	if v.Lang != "" && v.Layout != "home" {
		f.Title += " · " + v.SiteTitle()
	}
	if v.Layout != "404" {
		f.Canonical = v.Self()
	}
	var err error
	if f.StructuredData, err = v.StructuredData(); err != nil {
		return nil, err
	}
	if v.Lang != "" {
		f.Twin, f.TwinLabel = v.Twin(), v.T("nav.other_language")
		f.TwinLang = "en"
		if v.Other() == "zh" {
			f.TwinLang = "zh-Hans"
		}
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
