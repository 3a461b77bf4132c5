package site

import "html/template"

// Frame is what the frame of a page shows — its head and its header —
// worked out once per page, so that layouts/base.html reads fields: a
// method called from a template costs several times a field, and every
// page has some sixty of them.
type Frame struct {
	Layout      string
	HTMLLang    string
	Title       string // in <title>, with the site's title after the page's
	PageTitle   string // alone, for the card
	Description string
	Assets      template.HTML
	Alternates  []Alt
	Canonical   string // the page's address; "" on the 404 page, served at any address
	Feeds       []Feed
	SiteTitle   string
	OGType      string
	OGLocale    string
	OGAltLocale string
	Card        Card
	Published   string
	// StructuredData is the page's schema.org JSON-LD, or "".
	StructuredData template.JS
	CiteScript     template.HTML

	// The header of a page in one language (Lang is "" on the pages in
	// both languages, which have none).
	Lang      string
	Skip      string
	Nav       template.HTML
	Twin      string // the page in the other language
	TwinLang  string // its lang and hreflang
	TwinLabel string
	SearchBox template.HTML
}

// Frame works out the frame of the page.
func (v *View) Frame() (*Frame, error) {
	f := &Frame{Layout: v.Layout, HTMLLang: v.HTMLLang(), Title: v.Page.Title, PageTitle: v.Page.Title, Description: v.Description,
		Alternates: v.Alternates(), Feeds: v.Feeds(), SiteTitle: v.SiteTitle(), OGType: v.OGType(), OGLocale: v.OGLocale(),
		OGAltLocale: v.OGAltLocale(), Card: v.Card(), Published: v.Published(), Lang: v.Lang}
	if v.Lang != "" && v.Layout != "home" {
		f.Title += " · " + f.SiteTitle
	}
	if v.Layout != "404" {
		f.Canonical = v.Self()
	}
	var err error
	if f.Assets, err = v.Assets(); err != nil {
		return nil, err
	}
	if f.StructuredData, err = v.StructuredData(); err != nil {
		return nil, err
	}
	if f.CiteScript, err = v.CiteScript(); err != nil {
		return nil, err
	}
	if v.Lang == "" {
		return f, nil
	}
	f.Skip, f.Twin, f.TwinLabel = v.T("nav.skip"), v.Twin(), v.T("nav.other_language")
	f.TwinLang = "en"
	if v.Other() == "zh" {
		f.TwinLang = "zh-Hans"
	}
	if f.Nav, err = v.Nav(); err != nil {
		return nil, err
	}
	if v.Section != "search" {
		if f.SearchBox, err = v.SearchBox(); err != nil {
			return nil, err
		}
	}
	return f, nil
}
